#!/usr/bin/env python3
"""Before a read case's timed warm-up: reads every seeded user's page of that case once (with --groups, one
page per user and conversation group), so the measured run sees the steady state -- every page read before --
and not how soon uniform random requests happen to cover 10,000 pages. Prints one line: pages, seconds."""
import argparse, concurrent.futures, re, time

from seed import Api


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--url", required=True)
    p.add_argument("--lua", required=True, help="the seed.lua that bench/seed.py wrote")
    p.add_argument("--groups", action="store_true", help="each conversation group's page, not the first page")
    p.add_argument("--parallel", type=int, default=8)
    a = p.parse_args()
    seed = open(a.lua, encoding="utf-8").read()
    # The seeded users only (the wrk read scripts' users), not the big-group users listed after them.
    users = seed[seed.index("users = {"):seed.index("\n  },", seed.index("users = {"))]
    tokens = re.findall(r'\{id="[^"]+", token="([^"]+)"', users)
    groups = re.findall(r'"([^"]+)"', re.search(r"groupNames = \{([^}]*)\}", seed).group(1))
    paths = ["/conversations?count=100&groupName=" + g for g in groups] if a.groups else ["/conversations?count=100"]
    api = Api(a.url, None)
    jobs = [(token, path) for token in tokens for path in paths]
    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(a.parallel) as pool:
        list(pool.map(lambda job: api.call("GET", job[1], job[0], ok=(200,)), jobs))
    print("%d pages in %.1f s" % (len(jobs), time.perf_counter() - started))


if __name__ == "__main__":
    main()
