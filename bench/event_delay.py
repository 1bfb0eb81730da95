#!/usr/bin/env python3
"""Event delivery delay: a client streams from one node while messages are sent through another
(or the same) node. Prints p50/p99 of (event received - write request sent) and
(event received - write response received); the commit happens between the two."""
import argparse, json, socket, threading, time, uuid

from api import corp_with_chat, expect


def stream(base, token, after, received):
    host, port = base.split("//")[1].split("/")[0].split(":")
    s = socket.create_connection((host, int(port)))
    s.sendall(("GET /v1/events HTTP/1.0\r\nAccept: text/event-stream\r\nAuthorization: Bearer %s\r\n"
               "Last-Event-ID: %d\r\n\r\n" % (token, after)).encode())
    f = s.makefile("rb")
    for raw in f:
        line = raw.decode().rstrip("\n")
        if line.startswith("id: "):
            received[int(line[4:])] = time.perf_counter()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--write", required=True, help="base URL of the node writes go through")
    p.add_argument("--read", required=True, help="base URL of the node the client streams from")
    p.add_argument("--admin-key", required=True)
    p.add_argument("--count", type=int, default=300)
    p.add_argument("--gap-ms", type=float, default=20)
    a = p.parse_args()
    corp = "delay" + uuid.uuid4().hex[:8]
    tok = corp_with_chat(a.write, a.admin_key, corp, ["m%d" % i for i in range(10)], "room")
    start = expect(a.read, "GET", "/v1/events", tok["m0"])["last"]
    received = {}
    threading.Thread(target=stream, args=(a.read, tok["m0"], start, received), daemon=True).start()
    time.sleep(0.5)
    sent, answered = {}, {}
    for k in range(1, a.count + 1):
        sent[start + k] = time.perf_counter()
        expect(a.write, "POST", "/v1/chats/room/messages", tok["m1"], {"type": "text", "text": "x%d" % k})
        answered[start + k] = time.perf_counter()
        time.sleep(a.gap_ms / 1000)
    deadline = time.time() + 10
    while len([i for i in sent if i in received]) < len(sent) and time.time() < deadline:
        time.sleep(0.05)
    missing = [i for i in sent if i not in received]
    d_sent = sorted((received[i] - sent[i]) * 1000 for i in sent if i in received)
    d_ans = sorted((received[i] - answered[i]) * 1000 for i in sent if i in received)
    pct = lambda xs, q: xs[min(len(xs) - 1, int(q * len(xs)))]
    print(json.dumps({"events": len(sent), "missing": len(missing),
                      "from_request_p50_ms": round(pct(d_sent, .5), 1), "from_request_p99_ms": round(pct(d_sent, .99), 1),
                      "from_response_p50_ms": round(pct(d_ans, .5), 1), "from_response_p99_ms": round(pct(d_ans, .99), 1)}))


if __name__ == "__main__":
    main()
