#!/usr/bin/env python3
"""Case 4b: messages into big chats. One corp of 5,100 users; chats of 10, 1,000 and 5,000 members (the first
1,000 users are in all three, and stream their events); for each chat, 8 senders post text messages as fast as
they are answered for --duration seconds. Measures per chat: sends/s, p50/p99 of a send, errors; the rows the
database gained per message (events, messages, chat feed) and the event bytes stored per message; the delay
from a send's answer to the event that shows it at a member's stream on this node and on another (--other);
and the p99 of group moves by 32 members of the 5,000 chat with the chat idle, then while it receives messages.
Prints one JSON line."""
import argparse, json, socket, subprocess, threading, time, uuid

from api import Connection

SENDERS = 8
MOVERS = 32
SIZES = [10, 1_000, 5_000]


def pct(xs, q):
    xs = sorted(xs)
    return round(xs[min(len(xs) - 1, int(q * len(xs)))], 2) if xs else None


def user(i):
    return "u%05d" % i


def parallel(threads, items, fn):
    items = list(items)
    workers = [threading.Thread(target=lambda k=k: [fn(x) for x in items[k::threads]]) for k in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()


class Probe:
    """One member's event stream, read raw: for each big chat's conversation, when each newest message showed."""

    def __init__(self, base, token):
        self.seen = {}  # conversationID -> [(messageId, seconds)]
        self.events = 0
        host, port = base.split("//")[1].split(":")
        self.sock = socket.create_connection((host, int(port)))
        self.sock.sendall(("GET /v1/events HTTP/1.0\r\nAccept: text/event-stream\r\nAuthorization: Bearer %s\r\n"
                           "Last-Event-ID: %d\r\n\r\n" % (token, 1 << 40)).encode())  # past its log: RESYNC, then live
        threading.Thread(target=self.read, daemon=True).start()

    def read(self):
        for raw in self.sock.makefile("rb"):
            line = raw.decode("utf-8", "replace").rstrip("\n")
            if not line.startswith("data: "):
                continue
            now = time.perf_counter()
            self.events += 1
            try:
                data = json.loads(line[6:])
            except ValueError:
                continue
            for c in data if isinstance(data, list) else []:
                last = c.get("lastMessage") or {}
                if "messageId" in last:
                    self.seen.setdefault(c["conversationID"], []).append((int(last["messageId"]), now))

    def delays(self, conversation, answered):
        """For each (messageId, answered at), the wait until an event showed that message or a later one."""
        shown = sorted(self.seen.get(conversation, []))
        out = []
        for mid, at in answered:
            later = [t for m, t in shown if m >= mid]
            if later:
                out.append((min(later) - at) * 1000)
        return out


class Streams:
    """Many members' streams held open (what they receive is only counted): the node delivers to each."""

    def __init__(self, base, tokens):
        host, port = base.split("//")[1].split(":")
        self.sockets = []
        for token in tokens:
            s = socket.create_connection((host, int(port)))
            s.sendall(("GET /v1/events HTTP/1.0\r\nAccept: text/event-stream\r\nAuthorization: Bearer %s\r\n"
                       "Last-Event-ID: %d\r\n\r\n" % (token, 1 << 40)).encode())
            self.sockets.append(s)
        self.received = 0
        threading.Thread(target=self.drain, daemon=True).start()

    def drain(self):
        import selectors
        sel = selectors.DefaultSelector()
        for s in self.sockets:
            s.setblocking(False)
            sel.register(s, selectors.EVENT_READ)
        while True:
            for key, _ in sel.select(1):
                try:
                    data = key.fileobj.recv(65536)
                except OSError:
                    data = b""
                if not data:
                    sel.unregister(key.fileobj)
                self.received += data.count(b"\nid: ") + data.startswith(b"id: ")


def sql(db, query):
    return subprocess.run(["mariadb", "-uroot", "-h127.0.0.1", "-N", "-B", db, "-e", query], capture_output=True,
                          text=True, check=True).stdout.split()


def rows(db):
    if not db:
        return None
    return [int(x) for x in sql(db, "SELECT (SELECT COUNT(*) FROM events), (SELECT COALESCE(SUM(LENGTH(data)), 0) "
                                    "FROM events), (SELECT COUNT(*) FROM messages), (SELECT COUNT(*) FROM chat_feed)")]


def send_for(conn, tokens, chat, seconds):
    """8 senders into `chat` for `seconds`: their latencies, errors, and (messageId, answered at) of each send."""
    latencies, answered, errors = [], [], [0]
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def sender(k):
        n = 0
        while time.perf_counter() < stop:
            n += 1
            started = time.perf_counter()
            reply = conn.call("POST", "/v1/chats/%s/messages" % chat, tokens[k],
                              {"type": "text", "text": "big chat message %d-%d" % (k, n)})
            done = time.perf_counter()
            with lock:
                if reply.status == 201:
                    latencies.append((done - started) * 1000)
                    answered.append((int(reply.json()["messageId"]), done))
                else:
                    errors[0] += 1
    parallel(SENDERS, range(SENDERS), sender)
    return latencies, answered, errors[0]


def moves_for(conn, tokens, seconds):
    """The movers each move the big chat's conversation between their groups A and B for `seconds`."""
    latencies, errors = [], [0]
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def mover(token):
        k = 0
        while time.perf_counter() < stop:
            k += 1
            to, frm = ("A", "B") if k % 2 else ("B", "A")
            for method, group in (("POST", to), ("DELETE", frm)):
                started = time.perf_counter()
                reply = conn.call(method, "/v1/conversation-groups/%s/conversations" % group, token,
                                  {"conversationIDList": ["GROUPc5000"]})
                with lock:
                    if reply.status == 200:
                        latencies.append((time.perf_counter() - started) * 1000)
                    else:
                        errors[0] += 1
    parallel(len(tokens), tokens, mover)
    return latencies, errors[0]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--url", required=True)
    p.add_argument("--other", help="another node on the same database: a probe streams from it too")
    p.add_argument("--admin-key", required=True)
    p.add_argument("--db", help="the MariaDB database, for the rows written per message")
    p.add_argument("--duration", type=float, default=20)
    p.add_argument("--streaming", type=int, default=1_000)
    a = p.parse_args()
    conn = Connection(a.url)
    corp = "bigc" + uuid.uuid4().hex[:6]
    key = a.admin_key
    started = time.perf_counter()
    conn.expect("PUT", "/v1/admin/corps/" + corp, key, {"name": corp})
    total = max(SIZES) + 100
    parallel(8, range(total), lambda i: conn.expect("PUT", "/v1/admin/corps/%s/users/%s" % (corp, user(i)), key,
                                                    {"nick": user(i)}))
    for size in SIZES:
        first = [user(i) for i in range(min(size, 1_000))]
        conn.expect("POST", "/v1/admin/corps/%s/chats" % corp, key, {"type": "GROUP", "chatId": "c%d" % size,
                    "title": "Chat of %d" % size, "ownerId": first[0], "memberIds": first})
        parallel(8, range(1_000, size), lambda i, s=size: conn.expect(
            "PUT", "/v1/admin/corps/%s/chats/c%d/members/%s" % (corp, s, user(i)), key, None))
    token = lambda i: conn.expect("POST", "/v1/admin/tokens", key, {"corpId": corp, "userId": user(i),
                                                                     "ttlSeconds": 7200})["token"]
    senders = [token(i) for i in range(SENDERS)]
    movers = [token(i) for i in range(4_000, 4_000 + MOVERS)]  # in the 5,000 chat only
    for t in movers:
        for g in ("A", "B"):
            conn.expect("POST", "/v1/conversation-groups", t, {"groupName": g})
    streamers = [token(i) for i in range(SENDERS, a.streaming)]
    probe_token = token(a.streaming + 50)  # in the 5,000 chat only, not streaming otherwise
    out = {"provision_s": round(time.perf_counter() - started, 1), "streaming": len(streamers) + 2}
    held = Streams(a.url, streamers)
    probe = Probe(a.url, probe_token)
    probe_other = Probe(a.other, probe_token) if a.other else None
    time.sleep(3)

    idle, idle_errors = moves_for(conn, movers, a.duration / 2)
    out["moves_idle_p99_ms"] = pct(idle, .99)
    for size in SIZES:
        before = rows(a.db)
        t0 = time.perf_counter()
        latencies, answered, errors = send_for(conn, senders, "c%d" % size, a.duration)
        elapsed = time.perf_counter() - t0
        time.sleep(2)
        after = rows(a.db)
        case = {"sends_per_s": round(len(latencies) / elapsed, 1), "p50_ms": pct(latencies, .5),
                "p99_ms": pct(latencies, .99), "errors": errors}
        if before and after:
            sent = max(1, after[2] - before[2])
            case.update({"event_rows_per_message": round((after[0] - before[0]) / sent, 2),
                         "event_bytes_per_message": round((after[1] - before[1]) / sent),
                         "feed_rows_per_message": round((after[3] - before[3]) / sent, 2)})
        if size == max(SIZES):
            delays = probe.delays("GROUPc%d" % size, answered)
            case.update({"delay_p50_ms": pct(delays, .5), "delay_p99_ms": pct(delays, .99),
                         "delayed_shown": len(delays)})
            if probe_other:
                cross = probe_other.delays("GROUPc%d" % size, answered)
                case.update({"delay_cross_p50_ms": pct(cross, .5), "delay_cross_p99_ms": pct(cross, .99)})
            # Then the movers move while the chat receives the same messages: their p99 against the idle one.
            result = {}
            mover = threading.Thread(target=lambda: result.update(zip(("lat", "err"), moves_for(conn, movers,
                                                                                          a.duration / 2))))
            mover.start()
            send_for(conn, senders, "c%d" % size, a.duration / 2)
            mover.join()
            case["moves_busy_p99_ms"] = pct(result["lat"], .99)
            case["move_errors"] = idle_errors + result["err"]
        out["chat%d" % size] = case
    out["held_streams_received"] = held.received
    print(json.dumps(out))


if __name__ == "__main__":
    main()
