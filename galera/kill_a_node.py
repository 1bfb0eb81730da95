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
     a second (a request caught by the kill or the cut: once the cluster has decided); /health within a second
     throughout; the service writing again, without a restart, within 15 s of the kill and of the cut; the
     event tails waiting for few feed positions.

    python3 galera/kill_a_node.py --jar bootstrap/target/conversations.jar

Exit 0 when every check holds, 1 when one fails, 3 when the Galera packages are missing and cannot be
installed (a failure under CI=true).
"""
import argparse
import collections
import os
import random
import shutil
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [HERE, os.path.join(HERE, "..", "bench")]
import cluster as galera  # noqa: E402
from api import call  # noqa: E402

ADMIN_KEY = "kill-a-node-admin-key-0123456789"
TOKEN_SECRET = "kill-a-node-token-secret-0123456789abcdef"
CORP = "galera"
USERS = ["u%02d" % i for i in range(12)]
READERS = ["r%d" % i for i in range(4)]  # save drafts through one Galera node and read them through another
CHATS = ["c%d" % i for i in range(8)]
MAX_GROUPS = 20


def log(message):
    print("[%s] %s" % (time.strftime("%H:%M:%S"), message), flush=True)


class Service:
    """One service node, a process of the jar (or of a class path, as the Maven build runs it)."""

    def __init__(self, name, command, url, directory):
        self.name = name
        self.port = galera.free_port()
        self.base = "http://127.0.0.1:%d" % self.port
        self.api = self.base + "/v1"
        env = dict(os.environ, CONVERSATIONS_DB_URL=url, CONVERSATIONS_DB_USER="root",
                   CONVERSATIONS_ADMIN_KEY=ADMIN_KEY, CONVERSATIONS_TOKEN_SECRET=TOKEN_SECRET,
                   CONVERSATIONS_HOST="127.0.0.1", CONVERSATIONS_PORT=str(self.port),
                   CONVERSATIONS_RATE_LIMIT_USER="0", CONVERSATIONS_RATE_LIMIT_ADMIN="0",
                   # The chats here have 17 members: big ones, so that sends into one chat through three service
                   # nodes take the big chats' path (the chat's row locked, members' events recorded later).
                   CONVERSATIONS_BIG_CHAT_MEMBERS="10",
                   CONVERSATIONS_DATA_DIR=os.path.join(directory, name + "-data"))
        self.log_path = os.path.join(directory, name + ".log")
        self.process = subprocess.Popen(command, env=env, stdout=open(self.log_path, "wb"), stderr=subprocess.STDOUT)

    def await_up(self, seconds=90):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("%s exited with %s; its log:\n%s" % (self.name, self.process.returncode,
                                                                         self.tail()))
            if call(self.base, "GET", "/health", timeout=2).status == 200:
                return
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
                reply = call(service.api, "POST", "/chats/%s/messages" % chat, self.tokens[user],
                             {"type": "text", "text": "%s says %d" % (user, n)})
                op = "message"
                if reply.status == 201:
                    with self.lock:
                        self.messages.add((chat, reply.json()["messageId"]))
            elif roll < 0.6 and len(groups) < MAX_GROUPS:
                name = "g%d" % n
                ids = ["GROUP" + c for c in rnd.sample(CHATS, 2)]
                reply = call(service.api, "POST", "/conversation-groups", self.tokens[user],
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
                reply = call(service.api, method, path, self.tokens[user],
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
    text = call(service.base, "GET", "/metrics", timeout=5).body
    return {line.split()[0]: float(line.split()[1]) for line in text.splitlines()
            if line.startswith("conversations_") and " " in line}


def tails(services, when):
    for s in services:
        m = metrics(s)
        log("%s %s: the tail waits for %d positions in %d runs; %d transactions were run again"
            % (s.name, when, m.get("conversations_events_tail_gaps_positions", -1),
               m.get("conversations_events_tail_gaps_runs", -1),
               m.get("conversations_store_transaction_retries_total", -1)))


class Run:
    """What the steps share: the checks, the cluster, the service nodes and the users' tokens."""

    def __init__(self, args, command):
        self.args = args
        self.command = command
        self.checks = Checks()
        self.cluster = galera.Cluster(os.path.join(args.dir, "cluster"))
        self.services = []
        self.tokens = {}
        self.started = time.monotonic()

    def service(self, name, url):
        return Service(name, self.command, url, self.args.dir)


def start(run):
    """The cluster, and three service nodes started together on its fresh database: one migrates, the others wait."""
    run.cluster.start()
    log("Galera cluster of %d nodes up in %.1f s" % (run.cluster.size(), time.monotonic() - run.started))
    run.cluster.nodes[0].sql("CREATE DATABASE conv")
    run.services = [run.service("s%d" % i, run.cluster.jdbc_url("conv")) for i in (1, 2, 3)]
    for s in run.services:
        s.await_up()
    migrated = sum("waiting for" in open(s.log_path, errors="replace").read() for s in run.services)
    log("three service nodes up (%d waited for another's migration)" % migrated)
    history = run.cluster.nodes[0].sql("SELECT version, COUNT(*), MIN(success) FROM flyway_schema_history "
                                       "WHERE version IS NOT NULL GROUP BY version", database="conv")
    rows = [line.split("\t") for line in history.strip().splitlines()]
    run.checks.expect(rows and all(r[1] == "1" and r[2] == "1" for r in rows),
                      "three nodes started together on a fresh database: each migration applied once (%s)"
                      % ", ".join("V%s×%s" % (r[0], r[1]) for r in rows))
    run.checks.expect(all("MariaDB Galera cluster of 3 nodes" in open(s.log_path, errors="replace").read()
                          for s in run.services), "every service node found the Galera cluster (its start log)")


def provision(run):
    """The corp, its users in every chat, and their tokens."""
    api = run.services[0].api
    everyone = USERS + READERS + ["racer"]
    assert call(api, "PUT", "/admin/corps/" + CORP, ADMIN_KEY, {"name": CORP}).status == 200
    for u in everyone:
        assert call(api, "PUT", "/admin/corps/%s/users/%s" % (CORP, u), ADMIN_KEY, {"nick": u}).status == 200
    for c in CHATS:
        r = call(api, "POST", "/admin/corps/%s/chats" % CORP, ADMIN_KEY,
                 {"type": "GROUP", "chatId": c, "title": c, "ownerId": USERS[0], "memberIds": everyone})
        assert r.status == 201, r.body
    for u in everyone:
        run.tokens[u] = call(api, "POST", "/admin/tokens", ADMIN_KEY,
                             {"corpId": CORP, "userId": u, "ttlSeconds": 3600}).json()["token"]


def race_creates(run, rogue):
    """1. Racing creates, some through another Galera node: certification conflicts must be retried."""
    racers = run.services + [rogue]
    replies = [None] * 50
    gate = threading.Barrier(50)

    def create(k):
        gate.wait()
        replies[k] = call(racers[k % len(racers)].api, "POST", "/conversation-groups", run.tokens["racer"],
                          {"groupName": "race%d" % k, "conversationIDList": ["GROUP" + CHATS[k % len(CHATS)]]})
    threads = [threading.Thread(target=create, args=(k,)) for k in range(50)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    statuses = collections.Counter(r.status for r in replies)
    refused = [r for r in replies if r.status == 409]
    run.checks.expect(statuses[201] == 20 and statuses[409] == 30 and all(r.json()["code"] == 51010 for r in refused),
                      "50 racing creates through 4 service nodes on 2 Galera nodes: 20 created, 30 × 51010 (got %s)"
                      % dict(statuses))
    listed = call(run.services[1].api, "GET", "/conversation-groups", run.tokens["racer"]).json()["groupList"]
    run.checks.expect(len(listed) == 20, "the racer has 20 groups read through another node (%d)" % len(listed))
    tails(run.services, "after the race")


def watch_health(run, stop, health):
    """/health of every service node every 250 ms until `stop`: (service, seconds, status) into `health`."""
    while not stop.is_set():
        for s in run.services:
            reply = call(s.base, "GET", "/health", timeout=5)
            health.append((s.name, reply.seconds, reply.status))
        time.sleep(0.25)


def read_your_write(run, rogue):
    """A draft saved through s1 (n1) read back at once through the rogue node (n2), 4 users at a time, 100 times
    each (without wsrep_sync_wait, about 1 in 200 was stale here)."""
    stale = []

    def drafts(user):
        for k in range(100):
            text = "%s draft %d" % (user, k)
            saved = call(run.services[0].api, "PUT", "/conversations/GROUP%s/draft" % CHATS[0], run.tokens[user],
                         {"draftText": text})
            read = call(rogue.api, "GET", "/conversations/GROUP%s" % CHATS[0], run.tokens[user])
            if saved.status != 200 or read.status != 200 or read.json()["draftText"] != text:
                stale.append((user, k, saved.status, read.status))
    readers = [threading.Thread(target=drafts, args=(u,)) for u in READERS]
    for t in readers:
        t.start()
    for t in readers:
        t.join()
    run.checks.expect(not stale, "400 writes through one Galera node, each read back at once through another, under "
                      "load: %d stale or failed %s" % (len(stale), stale[:3]))


def kill_and_restart(run, target):
    """2. SIGKILL of the Galera node under the writes, its restart 15 s later, and the writes moving back to it.
    Answers when it was killed."""
    log("killing Galera node %s (the first of the URL: the writes go through it)" % target.name)
    killed_at = time.monotonic()
    target.kill()
    time.sleep(15)
    tails(run.services, "15 s after the kill")
    log("starting %s again" % target.name)
    target.start()
    target.await_synced()
    log("%s Synced again %.1f s after the kill" % (target.name, time.monotonic() - killed_at))
    # Connector/J keeps a failed node out of its order for a minute (deniedListTimeout); then every service
    # node's probe finds the first node again and its pool moves back, all within a second of each other.
    moved = {}
    deadline = time.monotonic() + 90
    while len(moved) < len(run.services) and time.monotonic() < deadline:
        for s in run.services:
            if s.name not in moved and ("reaches Galera node %s:" % target.name) in open(s.log_path).read():
                moved[s.name] = time.monotonic() - killed_at
        time.sleep(0.5)
    run.checks.expect(len(moved) == len(run.services), "every service node's writes moved back to %s (%s s after "
                      "the kill)" % (target.name, ", ".join("%s %.0f" % kv for kv in sorted(moved.items()))))
    return killed_at


def partition(target):
    """3. The node under the writes cut off from the other two (gmcast.isolate) for 12 s, then let back. Answers
    when it was cut off."""
    log("cutting %s off from the other nodes (a partition)" % target.name)
    isolated_at = time.monotonic()
    target.sql("SET GLOBAL wsrep_provider_options='gmcast.isolate=1'")
    time.sleep(12)
    target.sql("SET GLOBAL wsrep_provider_options='gmcast.isolate=0'")
    target.await_synced()
    log("%s back in the cluster %.1f s after the partition" % (target.name, time.monotonic() - isolated_at))
    return isolated_at


def check_what_clients_saw(run, load, health, killed_at, isolated_at):
    """Every error a 503 with Retry-After within a second; but a request caught by a fault waits for the cluster.
    After the kill, until the survivors have evicted the dead node (evs.suspect_timeout, 5 s, and the view change)
    nothing commits anywhere: a request that reached a survivor then is answered (written, or 503) once they have.
    After the cut, a request already on the cut-off node waits there: its commit until the cluster has decided the
    node is gone, a locking read behind it until the node is let back (then the connection drops). Those are
    answered 503 by the end of the window. /health within a second throughout; every node writing again within
    15 s."""
    errors = [e for e in load.errors if not (e[3] == 409 and e[1] == "create")]
    windows = [(killed_at, killed_at + 5 + 3), (isolated_at, isolated_at + 12 + 5)]

    def acceptable(e):
        started, ended = e[6], e[6] + e[4]
        caught = any(started < end and ended > begin and ended <= end for begin, end in windows)
        return e[3] == 503 and e[7] and (e[4] <= 1.0 or caught)
    bad = [e for e in errors if not acceptable(e)]
    for e in bad[:10]:
        log("  %s %s through %s: %s after %.2f s, asked %.2f s after the kill, Retry-After %s: %s"
            % (e[0], e[1], e[2], e[3], e[4], e[6] - killed_at, e[7], e[5]))
    run.checks.expect(not bad, "every client error a 503 with Retry-After, answered within 1 s, or for a request "
                      "caught by the kill or the cut by the end of its window (%d errors: %s; %d not)"
                      % (len(errors), ", ".join("%.1f s" % e[4] for e in errors[:12]), len(bad)))
    slow = [h for h in health if h[1] > 1.0 or h[2] == 0]
    run.checks.expect(health and not slow, "/health answered within 1 s every time it was asked (%d times; %s)"
                      % (len(health), collections.Counter(h[2] for h in health)))
    by_second = collections.Counter(int(e[6] - killed_at) for e in load.errors)
    log("errors by second from the kill: %s" % dict(sorted(by_second.items())))
    for s in run.services:
        errors = [e for e in load.errors if e[2] == s.name and killed_at < e[6] < isolated_at]
        gap = load.writing_again(s.name, killed_at)
        run.checks.expect(gap < 15, "%s wrote (a message) again %.1f s after the kill (%d errors after it)"
                          % (s.name, gap, len(errors)))
        gap = load.writing_again(s.name, isolated_at)
        run.checks.expect(gap < 15, "%s wrote (a message) again %.1f s after the partition" % (s.name, gap))


def check_nothing_lost(run, load):
    """Nothing acknowledged is missing, through every node; every log gap-free and the same everywhere; the same
    table checksums on every Galera node."""
    for s in run.services:
        lost_groups = []
        for u in USERS:
            listed = {g["groupName"]: g["conversationCount"]
                      for g in call(s.api, "GET", "/conversation-groups", run.tokens[u]).json()["groupList"]}
            for name, ids in load.groups[u].items():
                if name not in load.uncertain[u] and listed.get(name) != len(ids):
                    lost_groups.append((u, name, len(ids), listed.get(name)))
            for name in listed:
                if name not in load.groups[u] and name not in load.uncertain[u]:
                    lost_groups.append((u, name, "deleted or never acknowledged", listed[name]))
            if len(listed) > MAX_GROUPS:
                lost_groups.append((u, "more than %d groups" % MAX_GROUPS, len(listed), None))
        run.checks.expect(not lost_groups, "%s: every user's groups as acknowledged (%s)" % (s.name, lost_groups[:5]))
        seen = set()
        for c in CHATS:
            for m in page_all(s.api, run.tokens[USERS[0]], "/chats/%s/messages?count=100" % c, "messageList"):
                seen.add((c, m["messageId"]))
        missing = load.messages - seen
        run.checks.expect(not missing, "%s: all %d acknowledged messages there (%d missing)"
                          % (s.name, len(load.messages), len(missing)))
    logs = {}
    for s in run.services:
        holes = []
        for u in USERS:
            ids, last = event_log(s.api, run.tokens[u])
            logs.setdefault(u, set()).add(tuple(ids))
            if ids != list(range(1, last + 1)):
                holes.append(u)
        run.checks.expect(not holes, "%s: every user's event log gap-free (%s)" % (s.name, holes))
    run.checks.expect(all(len(v) == 1 for v in logs.values()), "the event logs are the same through every node")
    tables = "events, conversation_groups, group_conversations, messages, conversations, users, chat_members"
    sums = set()
    for node in run.cluster.nodes:
        out = node.sql("CHECKSUM TABLE " + tables, database="conv")
        sums.add(tuple(sorted(line.split("\t")[1] for line in out.strip().splitlines())))
    run.checks.expect(len(sums) == 1, "the same table checksums on all three Galera nodes")


def report_unexpected_failures(run):
    """A 500 means the service met a failure it does not know: its stack trace, from the service's log."""
    for s in run.services:
        text = open(s.log_path, errors="replace").read()
        at = text.find("unexpected failure")
        if at >= 0:
            log("%s logged an unexpected failure:\n%s" % (s.name, text[at:at + 4000]))


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

    run = Run(args, command)
    try:
        start(run)
        provision(run)
        other_order = [run.cluster.nodes[1], run.cluster.nodes[2], run.cluster.nodes[0]]
        rogue = run.service("s4-through-n2", run.cluster.jdbc_url("conv", other_order))
        rogue.await_up()
        race_creates(run, rogue)

        load = Load(run.services, run.tokens)
        health = []
        threading.Thread(target=watch_health, args=(run, load.stop, health), daemon=True).start()
        workers = [threading.Thread(target=load.run, args=(u, i), daemon=True) for i, u in enumerate(USERS)]
        for w in workers:
            w.start()
        time.sleep(2)
        read_your_write(run, rogue)
        rogue.stop()
        time.sleep(4)
        tails(run.services, "before the kill")
        target = run.cluster.nodes[0]
        killed_at = kill_and_restart(run, target)
        time.sleep(3)
        isolated_at = partition(target)
        time.sleep(3)
        load.stop.set()
        for w in workers:
            w.join(60)
        log("load: %s" % ", ".join("%s %s: %d" % (op, status, n) for (op, status), n in sorted(load.counts.items())))

        # The event tails: the positions the Galera nodes never hand out are not waited for.
        time.sleep(2)
        tails(run.services, "after the load")
        runs = [metrics(s).get("conversations_events_tail_gaps_runs", -1) for s in run.services]
        run.checks.expect(all(0 <= r < 1_000 for r in runs), "the tails wait for few positions, not for the "
                          "positions the Galera nodes never hand out (%s runs)" % runs)
        check_what_clients_saw(run, load, health, killed_at, isolated_at)
        check_nothing_lost(run, load)
    except Exception as e:  # noqa: BLE001 - a setup failure is reported as one
        run.checks.expect(False, "the run itself: %r" % e)
        for s in run.services:
            log("%s's log ends:\n%s" % (s.name, s.tail()))
    finally:
        if run.checks.failures:
            report_unexpected_failures(run)
        for s in run.services:
            s.stop()
        run.cluster.stop()
        if not args.keep:
            shutil.rmtree(args.dir, ignore_errors=True)
    failures = run.checks.failures
    log("%s in %.0f s" % ("FAILED: " + "; ".join(failures) if failures else "all checks hold",
                          time.monotonic() - run.started))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
