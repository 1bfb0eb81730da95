#!/usr/bin/env python3
"""Many live clients on one node, and a reconnect storm (issue #16).

Starts the node under test itself (so that it can read its RSS and restart it), provisions a corp of
--users users in chats of --chat-size through the admin API, and opens --per-user event streams a user
(asyncio, raw HTTP/1.0 over loopback). Then:

  live    every stream stays open for --live seconds while a writer sends --rate messages a second into
          chats of the active users (--active of them). A probe in a process of its own holds one of the
          streams of --probes active users (the other streams are held here): each delivery's delay at
          the probe is the time from the message request to its event, measured away from the event loop
          that carries ten thousand sockets. The node's RSS and thread count are read at the end.
  storm   the node is stopped (SIGTERM) while the writer goes on through --other (another node) for
          --outage seconds; it is started again, and every client, retrying all along, reconnects with
          its Last-Event-ID. Each stream must receive every event of its user after its last id, each
          once, in order; the time until the last stream holds its user's newest event is measured.

Every stream checks, for every event, that its id follows the last one it took (no gap, no duplicate).
Prints one JSON object."""
import argparse, asyncio, json, multiprocessing, os, random, signal, subprocess, time, urllib.request, uuid
from concurrent.futures import ThreadPoolExecutor

from api import expect

try:  # Debian's python3-uvloop: the client opens connections about twice as fast (bench/run installs it)
    import uvloop
    uvloop.install()
    LOOP = "uvloop"
except ImportError:
    LOOP = "asyncio"


def pct(xs, q):
    return round(xs[min(len(xs) - 1, int(q * len(xs)))], 1) if xs else None


class Stream:
    """One client: its user's events after its last id, over and over as connections break."""

    def __init__(self, run, user, token):
        self.run, self.user, self.token = run, user, token
        self.last = 0
        self.connected = False
        self.connects = 0
        self.refused = 0

    async def forever(self):
        while not self.run.stopping:
            try:
                await self.once()
            except (ConnectionError, OSError, asyncio.IncompleteReadError, asyncio.TimeoutError):
                pass
            self.connected = False
            # Back off a little, with jitter (as the web SDK does), and try again.
            await asyncio.sleep(self.run.retry * (0.5 + random.random()))

    async def once(self):
        reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", self.run.port, limit=1 << 20), 10)
        try:
            writer.write(("GET /v1/events HTTP/1.0\r\nAccept: text/event-stream\r\nAuthorization: Bearer %s\r\n"
                          "Last-Event-ID: %d\r\n\r\n" % (self.token, self.last)).encode())
            status = (await reader.readline()).decode()
            if not status.startswith("HTTP/1.1 200") and not status.startswith("HTTP/1.0 200"):
                if status:
                    self.refused += 1
                    self.run.refusals.append(status.strip())
                return
            while (await reader.readline()) not in (b"\r\n", b"\n", b""):
                pass
            self.connected = True
            self.connects += 1
            event_id, data = None, None
            while True:
                line = await reader.readline()
                if not line:
                    return
                line = line.decode().rstrip("\r\n")
                if line.startswith("id: "):
                    event_id = int(line[4:])
                elif line.startswith("data: "):
                    data = line[6:]
                elif line == "" and event_id is not None:
                    self.took(event_id, data)
                    event_id, data = None, None
        finally:
            writer.close()

    def took(self, event_id, data):
        now = time.perf_counter()
        if event_id != self.last + 1:
            self.run.errors.append("%s: event %d after %d" % (self.user, event_id, self.last))
        self.last = max(self.last, event_id)
        if data and '"m:' in data:
            k = data.split('"m:', 1)[1].split('"', 1)[0]
            sent = self.run.sent.get(k)
            if sent is not None and self.run.measuring:
                self.run.arrived.setdefault(k, []).append(now)


class Run:
    def __init__(self, a):
        self.a = a
        self.port = a.port
        self.retry = a.retry
        self.stopping = False
        self.measuring = False
        self.sent = {}
        self.arrived = {}
        self.answered = {}
        self.errors = []
        self.refusals = []
        self.node = None

    def start_node(self):
        env = dict(os.environ, CONVERSATIONS_PORT=str(self.port))
        log = open(self.a.log, "a")
        self.node = subprocess.Popen([self.a.java, "-Xmx" + self.a.heap] + self.a.jvm_opt + ["-jar", self.a.jar], env=env,
                                     stdout=log,
                                     stderr=subprocess.STDOUT)
        base = "http://127.0.0.1:%d" % self.port
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                urllib.request.urlopen(base + "/health", timeout=1).read()
                return
            except OSError:
                time.sleep(0.05)
        raise SystemExit("the node did not come up")

    def stop_node(self):
        self.node.send_signal(signal.SIGTERM)
        self.node.wait(120)

    def status(self, field):
        """A number of the node's /proc status (VmRSS in kB, Threads)."""
        with open("/proc/%d/status" % self.node.pid) as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        return None


def provision(a, base):
    corp = "streams" + uuid.uuid4().hex[:8]
    key = a.admin_key
    expect(base, "PUT", "/v1/admin/corps/" + corp, key, {"name": corp})
    users = ["u%05d" % i for i in range(a.users)]
    with ThreadPoolExecutor(16) as pool:
        list(pool.map(lambda u: expect(base, "PUT", "/v1/admin/corps/%s/users/%s" % (corp, u), key, {"nick": u}), users))
        chats = [users[i:i + a.chat_size] for i in range(0, len(users), a.chat_size)]
        list(pool.map(lambda c: expect(base, "POST", "/v1/admin/corps/%s/chats" % corp, key,
                                     {"type": "GROUP", "chatId": "r" + c[0], "title": "Room " + c[0], "ownerId": c[0],
                                      "memberIds": c}), chats))
        tokens = dict(zip(users, pool.map(lambda u: expect(base, "POST", "/v1/admin/tokens", key,
                                                         {"corpId": corp, "userId": u, "ttlSeconds": 86400})["token"],
                                          users)))
    return corp, users, chats, tokens


def writer(run, base, chats, tokens, seconds, rate, prefix):
    """Sends rate messages a second into the active chats for seconds; answers how many were acknowledged."""
    end = time.time() + seconds
    n, sent_ok = 0, 0
    active = chats[: max(1, run.a.active // run.a.chat_size)]
    while time.time() < end:
        chat = random.choice(active)
        k = "%s%d" % (prefix, n)
        n += 1
        run.sent[k] = time.perf_counter()
        try:
            expect(base, "POST", "/v1/chats/r%s/messages" % chat[0], tokens[random.choice(chat)],
                 {"type": "text", "text": "m:" + k})
            run.answered[k] = time.perf_counter()
            sent_ok += 1
        except OSError:
            pass
        time.sleep(max(0.0, 1.0 / rate - 0.001))
    return sent_ok


def probe(a, users, tokens, chats, queue):
    """A process of its own: one stream of each probe user, and the writer; answers the delays it measured."""

    run = Run(a)
    run.measuring = True

    async def go():
        streams = [Stream(run, u, tokens[u]) for u in users]
        tasks = [asyncio.create_task(s.forever()) for s in streams]
        await wait_until(lambda: all(s.connected for s in streams), 60)
        await asyncio.sleep(1)
        loop = asyncio.get_running_loop()
        acked = await loop.run_in_executor(None, writer, run, "http://127.0.0.1:%d" % a.port, chats, tokens, a.live,
                                           a.rate, "a")
        await asyncio.sleep(2)
        run.stopping = True
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        # As case 5 measures it: from the write's answer (the commit is before it) to the event at the client.
        delays = [(t - run.answered[k]) * 1000 for k, ts in run.arrived.items() if k in run.answered for t in ts]
        from_request = [(t - run.sent[k]) * 1000 for k, ts in run.arrived.items() for t in ts]
        queue.put({"acked": acked, "delays": delays, "from_request": from_request, "errors": run.errors})

    asyncio.run(go())


async def wait_until(predicate, timeout, step=0.05):
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if predicate():
            return True
        await asyncio.sleep(step)
    return predicate()


async def main_async(a):
    run = Run(a)
    base = "http://127.0.0.1:%d" % a.port
    run.start_node()
    corp, users, chats, tokens = provision(a, base)
    active = [u for c in chats[: max(1, a.active // a.chat_size)] for u in c]
    probed = set(active[: a.probes])
    streams = [Stream(run, u, tokens[u]) for u in users for _ in range(a.per_user - (1 if u in probed else 0))]
    loop = asyncio.get_running_loop()
    loop.set_default_executor(ThreadPoolExecutor(4))
    t0 = time.perf_counter()
    tasks = [asyncio.create_task(s.forever()) for s in streams]
    all_open = await wait_until(lambda: all(s.connected for s in streams), 120)
    opened_s = time.perf_counter() - t0
    out = {"client": LOOP, "opened": sum(s.connected for s in streams), "open_s": round(opened_s, 1),
           "java": a.java_label}
    if not all_open:
        out["refusals"] = sorted(set(run.refusals))[:5]
    # Live: the streams idle but for the active users' messages; the probe measures the delay.
    await asyncio.sleep(2)
    queue = multiprocessing.get_context("spawn").Queue()
    prober = multiprocessing.get_context("spawn").Process(target=probe, args=(a, sorted(probed), tokens, chats, queue))
    prober.start()
    measured = await loop.run_in_executor(None, queue.get)
    prober.join()
    run.errors.extend(measured["errors"])
    acked = measured["acked"]
    delays = sorted(measured["delays"])
    from_request = sorted(measured["from_request"])
    out.update({"request_to_event_p50_ms": pct(from_request, .5), "request_to_event_p99_ms": pct(from_request, .99)})
    out.update({"live_messages": acked, "deliveries": len(delays), "delay_p50_ms": pct(delays, .5),
                "delay_p99_ms": pct(delays, .99), "rss_mb": run.status("VmRSS") // 1024, "threads": run.status("Threads"),
                "refused_below_cap": sum(s.refused for s in streams)})
    # The probe's streams are held here again: the storm has all of them.
    extra = [Stream(run, u, tokens[u]) for u in sorted(probed)]
    streams.extend(extra)
    tasks.extend(asyncio.create_task(s.forever()) for s in extra)
    await wait_until(lambda: all(s.connected for s in streams), 60)
    # Storm: stop the node; the writer goes on through the other node; start it again.
    await loop.run_in_executor(None, run.stop_node)
    missed = await loop.run_in_executor(None, writer, run, a.other, chats, tokens, a.outage, a.rate, "b")

    def read_newest(u):
        return u, expect(a.other, "GET", "/v1/events?after=0&limit=1", tokens[u])["last"]

    with ThreadPoolExecutor(16) as pool:
        newest = dict(pool.map(read_newest, users))
    behind = sum(1 for s in streams if s.last < newest[s.user])
    t_restart = time.perf_counter()
    await loop.run_in_executor(None, run.start_node)
    t_up = time.perf_counter()
    admitted_at = {}

    def watch_admissions():
        while "all" not in admitted_at and time.perf_counter() - t_up < a.storm_timeout:
            try:
                for line in urllib.request.urlopen(base + "/metrics", timeout=2).read().decode().splitlines():
                    if line.startswith("conversations_events_streams_open "):
                        if float(line.split()[-1]) >= len(streams):
                            admitted_at["all"] = time.perf_counter()
            except OSError:
                pass
            time.sleep(0.2)

    watcher = loop.run_in_executor(None, watch_admissions)
    connected = await wait_until(lambda: all(s.connected for s in streams), a.storm_timeout, 0.02)
    t_connected = time.perf_counter()
    caught = await wait_until(lambda: all(s.last >= newest[s.user] for s in streams), a.storm_timeout, 0.02)
    t_done = time.perf_counter()
    out["storm_connected_s_from_ready"] = round(t_connected - t_up, 2)
    await watcher
    if "all" in admitted_at:
        out["storm_admitted_s_from_ready"] = round(admitted_at["all"] - t_up, 2)
    try:
        scraped = urllib.request.urlopen(base + "/metrics", timeout=5).read().decode()
        for line in scraped.splitlines():
            if line.startswith("conversations_events_log_reads"):
                name, value = line.split()[0], line.split()[-1]
                out[name.split("{")[0]] = float(value)
    except OSError:
        pass
    out.update({"streams": len(streams), "outage_messages": missed, "streams_behind": behind,
                "storm_caught_up": caught, "storm_s_from_ready": round(t_done - t_up, 2),
                "storm_s_from_restart": round(t_done - t_restart, 2), "restart_s": round(t_up - t_restart, 2),
                "not_caught_up": sum(1 for s in streams if s.last < newest[s.user]),
                "errors": len(run.errors), "error_sample": run.errors[:3]})
    run.stopping = True
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    run.stop_node()
    print(json.dumps(out))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--java", default="java")
    p.add_argument("--java-label", default="17")
    p.add_argument("--jar", required=True)
    p.add_argument("--heap", default="512m")
    p.add_argument("--jvm-opt", action="append", default=[], help="another option for the node's JVM")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--other", required=True, help="base URL of another node on the same database")
    p.add_argument("--admin-key", required=True)
    p.add_argument("--log", default="/dev/null")
    p.add_argument("--users", type=int, default=2000)
    p.add_argument("--per-user", type=int, default=5)
    p.add_argument("--chat-size", type=int, default=10)
    p.add_argument("--active", type=int, default=200, help="users whose chats the writer sends into")
    p.add_argument("--rate", type=float, default=20, help="messages a second")
    p.add_argument("--probes", type=int, default=50, help="active users one of whose streams the probe holds")
    p.add_argument("--live", type=float, default=30, help="seconds of the live phase")
    p.add_argument("--outage", type=float, default=5, help="seconds the writer goes on while the node is down")
    p.add_argument("--retry", type=float, default=0.25, help="a client's pause between tries (jittered)")
    p.add_argument("--storm-timeout", type=float, default=60)
    a = p.parse_args()
    asyncio.run(main_async(a))


if __name__ == "__main__":
    main()
