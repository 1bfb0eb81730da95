#!/usr/bin/env python3
"""Before a read case's timed warm-up: reads every seeded user's page of that case once (with --groups, one
page per user and conversation group), so the measured run sees the steady state -- every page read before --
and not how soon uniform random requests happen to cover 10,000 pages. Prints one line: pages, seconds."""
import argparse, concurrent.futures, http.client, re, threading, time

local = threading.local()


def get(host, port, path, token):
    conn = getattr(local, "conn", None)
    if conn is None:
        conn = local.conn = http.client.HTTPConnection(host, port, timeout=30)
    conn.request("GET", path, headers={"Authorization": "Bearer " + token})
    response = conn.getresponse()
    response.read()
    if response.status != 200:
        raise SystemExit("GET %s answered %d" % (path, response.status))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--url", required=True)
    p.add_argument("--lua", required=True, help="the seed.lua that bench/seed.py wrote")
    p.add_argument("--groups", action="store_true", help="each conversation group's page, not the first page")
    p.add_argument("--parallel", type=int, default=8)
    a = p.parse_args()
    seed = open(a.lua, encoding="utf-8").read()
    users_part = seed[seed.index("users = {"):seed.index("sized")] if "sized" in seed else seed
    tokens = re.findall(r'\{id="[^"]+", token="([^"]+)"', users_part)
    groups = re.findall(r'"([^"]+)"', re.search(r"groupNames = \{([^}]*)\}", seed).group(1))
    paths = ["/v1/conversations?count=100&groupName=" + g for g in groups] if a.groups else ["/v1/conversations?count=100"]
    host, port = re.match(r"https?://([^:/]+):(\d+)", a.url).groups()
    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(a.parallel) as pool:
        list(pool.map(lambda job: get(host, int(port), job[1], job[0]), [(t, path) for t in tokens for path in paths]))
    print("%d pages in %.1f s" % (len(tokens) * len(paths), time.perf_counter() - started))


if __name__ == "__main__":
    main()
