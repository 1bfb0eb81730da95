#!/usr/bin/env python3
"""First-page latency of one user with N conversations, two ways, sequentially (one request at a time):
- kept: GET /v1/conversations?count=100 repeated (served from the node's rendered first pages);
- fresh: a draft change first (which makes the kept page stale), then the GET, timed (the store's read).
Prints one JSON line."""
import argparse, json, time

from api import Connection


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--url", required=True)
    p.add_argument("--token", required=True)
    p.add_argument("--conversation", required=True, help="a conversation of the user, for the draft change")
    p.add_argument("--rounds", type=int, default=200)
    a = p.parse_args()
    conn = Connection(a.url, timeout=30)

    def get():
        started = time.perf_counter()
        reply = conn.call("GET", "/v1/conversations?count=100", a.token)
        elapsed = (time.perf_counter() - started) * 1000
        if reply.status != 200 or len(reply.json()["conversationList"]) == 0:
            raise SystemExit("first page failed: %d %s" % (reply.status, reply.body[:200]))
        return elapsed

    def draft(i):
        conn.expect("PUT", "/v1/conversations/%s/draft" % a.conversation, a.token, {"draftText": "draft %d" % i})

    for i in range(20):  # warm-up
        draft(i)
        get()
        get()
    kept = sorted(get() for _ in range(a.rounds))
    fresh = []
    for i in range(a.rounds // 2):
        draft(1000 + i)
        fresh.append(get())
    fresh.sort()
    pct = lambda xs, q: round(xs[min(len(xs) - 1, int(q * len(xs)))], 2)
    print(json.dumps({"kept_p50_ms": pct(kept, .5), "kept_p99_ms": pct(kept, .99),
                      "fresh_p50_ms": pct(fresh, .5), "fresh_p99_ms": pct(fresh, .99)}))


if __name__ == "__main__":
    main()
