#!/usr/bin/env python3
"""Kill a node: the service on a three-node MariaDB Galera cluster, the Galera node under the writes killed
(SIGKILL) under load, then started again.

Starts the cluster (galera/cluster.py: own ports and data folders under --dir), three service nodes on it
(Connector/J's sequential failover URL, the same node order for all three), and checks:

  1. racing writes: 50 creates of one user's groups through all three service nodes and a fourth that writes
     through another Galera node (certification conflicts): 20 created, 30 refused with 51010, nothing else;
  2. a bounded load of group changes and messages through all three nodes; meanwhile 400 drafts saved through
     one Galera node and read back at once through another (read your write); SIGKILL of the Galera node the
     writes go to, 15 s later its restart (it rejoins by IST), and a minute after the kill the writes moving
     back to it; then that node cut off from the other two for 12 s (gmcast.isolate: a partition);
  3. afterwards, read back through every service node: no acknowledged write missing (groups with their
     conversations, messages), every user's event log gap-free and the same through every node, the same
     table checksums on all three Galera nodes; every error a client saw a 503 with Retry-After answered within
     a second (a request caught on the cut-off node: by the end of the partition); /health within a second
     throughout; the service writing again, without a restart, within 15 s of the kill and of the cut; the
     event tails waiting for few feed positions.

    python3 galera/kill_a_node.py --jar bootstrap/target/conversations.jar

Exit 0 when every check holds, 1 when one fails, 3 when the Galera packages are missing and cannot be
installed (a failure under CI=true).
"""
import argparse
import collections
import json
import os
import random
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cluster as galera  # noqa: E402

ADMIN_KEY = "kill-a-node-admin-key-0123456789"
TOKEN_SECRET = "kill-a-node-token-secret-0123456789abcdef"
CORP = "galera"
USERS = ["u%02d" % i for i in range(12)]
READERS = ["r%d" % i for i in range(4)]  # save drafts through one Galera node and read them through another
CHATS = ["c%d" % i for i in range(8)]
MAX_GROUPS = 20


def log(message):
    print("[%s] %s" % (time.strftime("%H:%M:%S"), message), flush=True)


class Reply:
    def __init__(self, status, body, seconds, started, headers=None):
        self.status, self.body, self.seconds, self.started = status, body, seconds, started
        self.headers = headers or {}

    def json(self):
        return json.loads(self.body) if self.body else None


def call(base, method, path, bearer=None, body=None, timeout=30):
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if bearer:
        headers["Authorization"] = "Bearer " + bearer
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as r:
            return Reply(r.status, r.read().decode(), time.monotonic() - started, started)
    except urllib.error.HTTPError as e:
        return Reply(e.code, e.read().decode(), time.monotonic() - started, started, dict(e.headers))
    except (urllib.error.URLError, OSError) as e:
        return Reply(0, str(e), time.monotonic() - started, started)


class Service:
    """One service node, a process of the jar (or of a class path, as the Maven build runs it)."""

    def __init__(self, name, command, url, directory):
        self.name = name
        self.port = galera.free_port()
        self.base = "http://127.0.0.1:%d/v1" % self.port
        self.health = "http://127.0.0.1:%d/health" % self.port
        env = dict(os.environ, CONVERSATIONS_DB_URL=url, CONVERSATIONS_DB_USER="root",
                   CONVERSATIONS_ADMIN_KEY=ADMIN_KEY, CONVERSATIONS_TOKEN_SECRET=TOKEN_SECRET,
                   CONVERSATIONS_HOST="127.0.0.1", CONVERSATIONS_PORT=str(self.port),
                   CONVERSATIONS_RATE_LIMIT_USER="0", CONVERSATIONS_RATE_LIMIT_ADMIN="0",
                   CONVERSATIONS_DATA_DIR=os.path.join(directory, name + "-data"))
        self.log_path = os.path.join(directory, name + ".log")
        self.process = subprocess.Popen(command, env=env, stdout=open(self.log_path, "wb"), stderr=subprocess.STDOUT)

    def await_up(self, seconds=90):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("%s exited with %s; its log:\n%s" % (self.name, self.process.returncode,
                                                                         self.tail()))
            try:
                with urllib.request.urlopen(self.health, timeout=2) as r:
                    if r.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.2)
        raise RuntimeError("%s did not answer within %d s; its log:\n%s" % (self.name, seconds, self.tail()))

    def tail(self, lines=40):
        with open(self.log_path, errors="replace") as f:
            return "".join(f.readlines()[-lines:])

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()


class Checks:
    def __init__(self):
        self.failures = []

    def expect(self, condition, message):
        if condition:
            log("ok: " + message)
        else:
            log("FAILED: " + message)
            self.failures.append(message)


class Load:
    """One worker per user, each through the three service nodes in turn: group changes and messages. A user's
    calls are made one after another, so what each acknowledged is what that user's state must hold."""

    def __init__(self, services, tokens):
        self.services = services
        self.tokens = tokens
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.errors = []  # (user, op, node, status, seconds, body, when)
        self.writes = []  # (when, node) of every acknowledged write
        self.groups = {u: {} for u in USERS}  # acknowledged: name -> set of conversation ids
        self.uncertain = {u: set() for u in USERS}  # groups whose last change's outcome is unknown (503)
        self.messages = set()  # acknowledged message ids
        self.counts = collections.Counter()

    def writing_again(self, node, since):
        """Seconds from `since` to the answer of the first message asked for after it through `node` and
        acknowledged (it went through a working Galera node). Messages only: adding a conversation a group already
        holds changes nothing, and is answered while the cluster cannot commit."""
        answers = [done for started, done, through, op in self.writes
                   if through == node and op == "message" and started > since]
        return min(answers) - since if answers else float("inf")

    def run(self, user, seed):
        rnd = random.Random(seed)
        n = 0
        while not self.stop.is_set():
            n += 1
            service = self.services[n % len(self.services)]
            groups = self.groups[user]
            roll = rnd.random()
            if roll < 0.45:
                chat = rnd.choice(CHATS)
                reply = call(service.base, "POST", "/chats/%s/messages" % chat, self.tokens[user],
                             {"type": "text", "text": "%s says %d" % (user, n)})
                op = "message"
                if reply.status == 201:
                    with self.lock:
                        self.messages.add((chat, reply.json()["messageId"]))
            elif roll < 0.6 and len(groups) < MAX_GROUPS:
                name = "g%d" % n
                ids = ["GROUP" + c for c in rnd.sample(CHATS, 2)]
                reply = call(service.base, "POST", "/conversation-groups", self.tokens[user],
                             {"groupName": name, "conversationIDList": ids})
                op = "create"
                if reply.status == 201:
                    groups[name] = set(ids)
                elif reply.status in (0, 503):
                    self.uncertain[user].add(name)
            elif groups:
                name = rnd.choice(sorted(groups))
                ids = ["GROUP" + c for c in rnd.sample(CHATS, 2)]
                if roll < 0.8:
                    op, method = "add", "POST"
                elif roll < 0.95:
                    op, method = "remove", "DELETE"
                else:
                    op, method = "delete", "DELETE"
                path = "/conversation-groups/" + name + ("" if op == "delete" else "/conversations")
                reply = call(service.base, method, path, self.tokens[user],
                             None if op == "delete" else {"conversationIDList": ids})
                if reply.status in (200, 204):
                    if op == "add":
                        groups[name] |= set(ids)
                    elif op == "remove":
                        groups[name] -= set(ids)
                    else:
                        del groups[name]
                elif reply.status in (0, 503):
                    self.uncertain[user].add(name)
            else:
                continue
            with self.lock:
                self.counts[(op, reply.status)] += 1
                if reply.status in (200, 201, 204):
                    self.writes.append((reply.started, reply.started + reply.seconds, service.name, op))
                else:
                    retry_after = reply.headers.get("Retry-After") if reply.status == 503 else "-"
                    self.errors.append((user, op, service.name, reply.status, reply.seconds, reply.body[:200],
                                        reply.started, retry_after))
            time.sleep(rnd.uniform(0.005, 0.03))


def page_all(base, token, path, key):
    items, cursor = [], None
    while True:
        reply = call(base, "GET", path + ("&cursor=" + cursor if cursor else ""), token)
        if reply.status != 200:
            raise RuntimeError("GET %s answered %d: %s" % (path, reply.status, reply.body))
        body = reply.json()
        items += body[key]
        if body.get("isFinished", True) or not body.get("nextCursor"):
            return items
        cursor = body["nextCursor"]


def event_log(base, token):
    ids, after = [], 0
    while True:
        reply = call(base, "GET", "/events?after=%d" % after, token)
        if reply.status != 200:
            raise RuntimeError("GET /events answered %d: %s" % (reply.status, reply.body))
        body = reply.json()
        ids += [e["id"] for e in body["events"]]
        if not body["events"] or ids[-1] >= body["last"]:
            return ids, body["last"]
        after = ids[-1]


def metrics(service):
    with urllib.request.urlopen("http://127.0.0.1:%d/metrics" % service.port, timeout=5) as r:
        return {line.split()[0]: float(line.split()[1]) for line in r.read().decode().splitlines()
                if line.startswith("conversations_") and " " in line}


def tails(services, when):
    for s in services:
        m = metrics(s)
        log("%s %s: the tail waits for %d positions in %d runs; %d transactions were run again"
            % (s.name, when, m.get("conversations_events_tail_gaps_positions", -1),
               m.get("conversations_events_tail_gaps_runs", -1),
               m.get("conversations_store_transaction_retries_total", -1)))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jar", help="the service's jar (bootstrap/target/conversations.jar)")
    parser.add_argument("--java", default="java")
    parser.add_argument("--classpath", help="instead of --jar: the class path of io.conversations.bootstrap.Main")
    parser.add_argument("--dir", default="/tmp/conversations-galera-kill")
    parser.add_argument("--keep", action="store_true", help="leave the cluster's folders for a look afterwards")
    args = parser.parse_args()
    if args.classpath:
        command = [args.java, "-Xmx256m", "-cp", args.classpath, "io.conversations.bootstrap.Main"]
    elif args.jar:
        command = [args.java, "-Xmx256m", "-jar", args.jar]
    else:
        parser.error("--jar or --classpath is needed")

    try:
        galera.ensure_packages(log)
    except galera.Missing as e:
        log(str(e))
        return 3

    checks = Checks()
    cluster = galera.Cluster(os.path.join(args.dir, "cluster"))
    services = []
    started = time.monotonic()
    try:
        cluster.start()
        log("Galera cluster of %d nodes up in %.1f s" % (cluster.size(), time.monotonic() - started))
        cluster.nodes[0].sql("CREATE DATABASE conv")
        url = cluster.jdbc_url("conv")
        # Three service nodes, started together on the fresh database: one migrates, the others wait.
        services = [Service("s%d" % i, command, url, args.dir) for i in (1, 2, 3)]
        for s in services:
            s.await_up()
        migrated = sum("waiting for" in open(s.log_path, errors="replace").read() for s in services)
        log("three service nodes up (%d waited for another's migration)" % migrated)
        history = cluster.nodes[0].sql("SELECT version, COUNT(*), MIN(success) FROM flyway_schema_history "
                                       "WHERE version IS NOT NULL GROUP BY version", database="conv")
        rows = [line.split("\t") for line in history.strip().splitlines()]
        checks.expect(rows and all(r[1] == "1" and r[2] == "1" for r in rows),
                      "three nodes started together on a fresh database: each migration applied once (%s)"
                      % ", ".join("V%s×%s" % (r[0], r[1]) for r in rows))
        checks.expect(all("MariaDB Galera cluster of 3 nodes" in open(s.log_path, errors="replace").read()
                          for s in services), "every service node found the Galera cluster (its start log)")
        main_api = services[0].base
        assert call(main_api, "PUT", "/admin/corps/" + CORP, ADMIN_KEY, {"name": CORP}).status == 200
        for u in USERS + READERS + ["racer"]:
            assert call(main_api, "PUT", "/admin/corps/%s/users/%s" % (CORP, u), ADMIN_KEY, {"nick": u}).status == 200
        for c in CHATS:
            r = call(main_api, "POST", "/admin/corps/%s/chats" % CORP, ADMIN_KEY,
                     {"type": "GROUP", "chatId": c, "title": c, "ownerId": USERS[0], "memberIds": USERS + READERS + ["racer"]})
            assert r.status == 201, r.body
        tokens = {}
        for u in USERS + READERS + ["racer"]:
            tokens[u] = call(main_api, "POST", "/admin/tokens", ADMIN_KEY,
                             {"corpId": CORP, "userId": u, "ttlSeconds": 3600}).json()["token"]

        # 1. Racing creates, some through another Galera node: certification conflicts must be retried.
        other_order = [cluster.nodes[1], cluster.nodes[2], cluster.nodes[0]]
        rogue = Service("s4-through-n2", command, cluster.jdbc_url("conv", other_order), args.dir)
        rogue.await_up()
        racers = services + [rogue]
        replies = [None] * 50
        gate = threading.Barrier(50)

        def create(k):
            gate.wait()
            replies[k] = call(racers[k % len(racers)].base, "POST", "/conversation-groups", tokens["racer"],
                              {"groupName": "race%d" % k, "conversationIDList": ["GROUP" + CHATS[k % len(CHATS)]]})
        threads = [threading.Thread(target=create, args=(k,)) for k in range(50)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        statuses = collections.Counter(r.status for r in replies)
        refused = [r for r in replies if r.status == 409]
        checks.expect(statuses[201] == 20 and statuses[409] == 30
                      and all(r.json()["code"] == 51010 for r in refused),
                      "50 racing creates through 4 service nodes on 2 Galera nodes: 20 created, 30 × 51010 (got %s)"
                      % dict(statuses))
        listed = call(services[1].base, "GET", "/conversation-groups", tokens["racer"]).json()["groupList"]
        checks.expect(len(listed) == 20, "the racer has 20 groups read through another node (%d)" % len(listed))
        tails(services, "after the race")

        # 2. Load through all three, the Galera node under the writes killed, then restarted.
        health = []  # (service, seconds, status) of /health asked every 250 ms through the whole run

        def watch_health():
            while not load.stop.is_set():
                for s in services:
                    started_at = time.monotonic()
                    try:
                        with urllib.request.urlopen(s.health, timeout=5) as r:
                            status = r.status
                    except urllib.error.HTTPError as e:
                        status = e.code
                    except (urllib.error.URLError, OSError):
                        status = 0
                    health.append((s.name, time.monotonic() - started_at, status))
                time.sleep(0.25)
        load = Load(services, tokens)
        threading.Thread(target=watch_health, daemon=True).start()
        workers = [threading.Thread(target=load.run, args=(u, i), daemon=True) for i, u in enumerate(USERS)]
        for w in workers:
            w.start()
        time.sleep(2)
        # Read your write through another Galera node, under the load: a draft saved through s1 (n1) read back
        # at once through the rogue node (n2), 4 users at a time, 100 times each (without wsrep_sync_wait, about
        # 1 in 200 was stale here).
        stale = []

        def read_your_write(user):
            for k in range(100):
                text = "%s draft %d" % (user, k)
                saved = call(services[0].base, "PUT", "/conversations/GROUP%s/draft" % CHATS[0], tokens[user],
                             {"draftText": text})
                read = call(rogue.base, "GET", "/conversations/GROUP%s" % CHATS[0], tokens[user])
                if saved.status != 200 or read.status != 200 or read.json()["draftText"] != text:
                    stale.append((user, k, saved.status, read.status))
        readers = [threading.Thread(target=read_your_write, args=(u,)) for u in READERS]
        for t in readers:
            t.start()
        for t in readers:
            t.join()
        checks.expect(not stale, "400 writes through one Galera node, each read back at once through another, under load: "
                      "%d stale or failed %s" % (len(stale), stale[:3]))
        rogue.stop()
        time.sleep(4)
        tails(services, "before the kill")
        target = cluster.nodes[0]
        log("killing Galera node %s (the first of the URL: the writes go through it)" % target.name)
        killed_at = time.monotonic()
        target.kill()
        time.sleep(15)
        tails(services, "15 s after the kill")
        log("starting %s again" % target.name)
        target.start()
        target.await_synced()
        rejoined = time.monotonic() - killed_at
        log("%s Synced again %.1f s after the kill" % (target.name, rejoined))
        # Connector/J keeps a failed node out of its order for a minute (deniedListTimeout); then every service
        # node's probe finds the first node again and its pool moves back, all within a second of each other.
        moved = {}
        deadline = time.monotonic() + 90
        while len(moved) < len(services) and time.monotonic() < deadline:
            for s in services:
                if s.name not in moved and ("reaches Galera node %s:" % target.name) in open(s.log_path).read():
                    moved[s.name] = time.monotonic() - killed_at
            time.sleep(0.5)
        checks.expect(len(moved) == len(services), "every service node's writes moved back to %s (%s s after the "
                      "kill)" % (target.name, ", ".join("%s %.0f" % kv for kv in sorted(moved.items()))))
        time.sleep(3)

        # 3. A partition: the node under the writes cut off from the other two (gmcast.isolate), then let back.
        log("cutting %s off from the other nodes (a partition)" % target.name)
        isolated_at = time.monotonic()
        target.sql("SET GLOBAL wsrep_provider_options='gmcast.isolate=1'")
        time.sleep(12)
        target.sql("SET GLOBAL wsrep_provider_options='gmcast.isolate=0'")
        target.await_synced()
        log("%s back in the cluster %.1f s after the partition" % (target.name, time.monotonic() - isolated_at))
        time.sleep(3)
        load.stop.set()
        for w in workers:
            w.join(60)
        log("load: %s" % ", ".join("%s %s: %d" % (op, status, n) for (op, status), n in sorted(load.counts.items())))

        # The event tails: the positions the Galera nodes never hand out are not waited for.
        time.sleep(2)
        tails(services, "after the load")
        runs = [metrics(s).get("conversations_events_tail_gaps_runs", -1) for s in services]
        checks.expect(all(0 <= r < 1_000 for r in runs), "the tails wait for few positions, not for the positions "
                      "the Galera nodes never hand out (%s runs)" % runs)

        # 3. What the clients saw.
        # Within a second; but a request already on the node when it was cut off waits there: its commit until the
        # cluster has decided the node is gone (evs.suspect_timeout, 5 s), a locking read behind it until the node
        # is let back (then the connection drops). Those are answered 503 once the partition ends.
        errors = [e for e in load.errors if not (e[3] == 409 and e[1] == "create")]
        partition_ends = isolated_at + 12 + 5

        def acceptable(e):
            caught = e[6] < partition_ends and e[6] + e[4] > isolated_at
            return e[3] == 503 and e[7] and (e[4] <= 1.0 or (caught and e[6] + e[4] <= partition_ends))
        bad = [e for e in errors if not acceptable(e)]
        for e in bad[:10]:
            log("  %s %s through %s: %s after %.2f s: %s" % e[:6])
        checks.expect(not bad, "every client error a 503 with Retry-After, answered within 1 s, or for a request "
                      "caught on the cut-off node by the end of the partition (%d errors: %s; %d not)"
                      % (len(errors), ", ".join("%.1f s" % e[4] for e in errors[:12]), len(bad)))
        slow = [h for h in health if h[1] > 1.0 or h[2] == 0]
        checks.expect(health and not slow, "/health answered within 1 s every time it was asked (%d times; %s)"
                      % (len(health), collections.Counter(h[2] for h in health)))
        by_second = collections.Counter(int(e[6] - killed_at) for e in load.errors)
        log("errors by second from the kill: %s" % dict(sorted(by_second.items())))
        for s in services:
            errors = [e for e in load.errors if e[2] == s.name and killed_at < e[6] < isolated_at]
            gap = load.writing_again(s.name, killed_at)
            checks.expect(gap < 15, "%s wrote (a message) again %.1f s after the kill (%d errors after it)"
                          % (s.name, gap, len(errors)))
            gap = load.writing_again(s.name, isolated_at)
            checks.expect(gap < 15, "%s wrote (a message) again %.1f s after the partition" % (s.name, gap))

        # Nothing acknowledged is missing, through every node; every log gap-free and the same everywhere.
        for s in services:
            lost_groups = []
            for u in USERS:
                listed = {g["groupName"]: g["conversationCount"]
                          for g in call(s.base, "GET", "/conversation-groups", tokens[u]).json()["groupList"]}
                for name, ids in load.groups[u].items():
                    if name in load.uncertain[u]:
                        continue
                    if listed.get(name) != len(ids):
                        lost_groups.append((u, name, len(ids), listed.get(name)))
                for name in listed:
                    if name not in load.groups[u] and name not in load.uncertain[u]:
                        lost_groups.append((u, name, "deleted or never acknowledged", listed[name]))
                if len(listed) > MAX_GROUPS:
                    lost_groups.append((u, "more than %d groups" % MAX_GROUPS, len(listed), None))
            checks.expect(not lost_groups, "%s: every user's groups as acknowledged (%s)" % (s.name, lost_groups[:5]))
            seen = set()
            for c in CHATS:
                for m in page_all(s.base, tokens[USERS[0]], "/chats/%s/messages?count=100" % c, "messageList"):
                    seen.add((c, m["messageId"]))
            missing = load.messages - seen
            checks.expect(not missing, "%s: all %d acknowledged messages there (%d missing)"
                          % (s.name, len(load.messages), len(missing)))
        logs = {}
        for s in services:
            holes = []
            for u in USERS:
                ids, last = event_log(s.base, tokens[u])
                logs.setdefault(u, set()).add(tuple(ids))
                if ids != list(range(1, last + 1)):
                    holes.append(u)
            checks.expect(not holes, "%s: every user's event log gap-free (%s)" % (s.name, holes))
        checks.expect(all(len(v) == 1 for v in logs.values()), "the event logs are the same through every node")
        tables = "events, conversation_groups, group_conversations, messages, conversations, users, chat_members"
        sums = set()
        for node in cluster.nodes:
            out = node.sql("CHECKSUM TABLE " + tables, database="conv")
            sums.add(tuple(sorted(line.split("\t")[1] for line in out.strip().splitlines())))
        checks.expect(len(sums) == 1, "the same table checksums on all three Galera nodes")
    except Exception as e:  # noqa: BLE001 - a setup failure is reported as one
        checks.expect(False, "the run itself: %r" % e)
        for s in services:
            log("%s's log ends:\n%s" % (s.name, s.tail()))
    finally:
        for s in services:
            s.stop()
        cluster.stop()
        if not args.keep:
            shutil.rmtree(args.dir, ignore_errors=True)
    log("%s in %.0f s" % ("FAILED: " + "; ".join(checks.failures) if checks.failures else "all checks hold",
                          time.monotonic() - started))
    return 1 if checks.failures else 0


if __name__ == "__main__":
    sys.exit(main())
