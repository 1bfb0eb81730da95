#!/usr/bin/env python3
"""Seeds the benchmark's corp through the service's own HTTP API (provisioning with the admin key,
groups, pins and messages with each user's token), so that every row and event is what the service
itself writes. Deterministic (fixed random seed).

- 1,000 users; each is in 200 conversations: 100 group chats of 10 members and 100 one-to-one chats
  (every user with the 50 users after it on a ring, so each pair is created once);
- each user has 10 conversation groups of 20 conversations (all 200 are grouped) and 2 pinned ones;
- 1 to 3 messages in every group chat and 0 or 1 in every one-to-one chat, sent in random order by
  random members, so unread counts and the list's order vary from user to user;
- 64 users with a group of 1,000 conversations each (1,010 group chats of those 64), for moves into and out
  of a group that size (each wrk thread drives 32 of them in turn, so a user's two halves never race);
- three more users for the first page's growth: 100, 10,000 and 100,000 conversations. Every chat of
  the 100,000-user locks that one user, so they cannot be created side by side: the API creates the
  first 10,100, and with --bulk-db the other 89,900 are copies of the API's rows for chat s010000
  (chats, chat_members, conversations, events, the user's event counter), made by one SQL transaction
  with only the chat id, title, time and sequence numbers changed.

Writes what the wrk scripts need (tokens, chat ids, group names) to a Lua file.
"""
import argparse, random, subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote

from api import Connection

CORP = "bench"
GROUP_NAMES = ["Suppliers", "需求研发", "Family", "Work", "Friends", "Projects", "客户", "Ops", "Design", "Later"]
SIZES = [100, 10_000, 100_000]
BIG_USERS = 64
BIG_CHATS = 1_010
BIG_GROUP = 1_000
API_SIZED = 10_100
# Copies chat s010000 (the 100,000-user alone, as the API wrote it) to s010100 .. s099999.
BULK_SQL = """
START TRANSACTION;
SET @t = (SELECT created_at FROM chats WHERE corp_id = 'bench' AND chat_id = 's010000');
SET @base = (SELECT last_event_seq FROM users WHERE corp_id = 'bench' AND user_id = 'size100000' FOR UPDATE);
SET @data = (SELECT data FROM events WHERE corp_id = 'bench' AND user_id = 'size100000'
             AND data LIKE '%"chatId":"s010000"%');
CREATE TEMPORARY TABLE copies AS
  SELECT seq AS i, CONCAT('s', LPAD(seq, 6, '0')) AS chat, @t + seq AS at, @base + seq - 10099 AS eseq
  FROM seq_10100_to_99999;
INSERT INTO chats (corp_id, chat_id, chat_type, title, avatar_icons, owner_id, c2c_pair, member_count, created_at)
  SELECT t.corp_id, c.chat, t.chat_type, CONCAT('Size ', c.i), t.avatar_icons, t.owner_id, t.c2c_pair, t.member_count, c.at
  FROM chats t JOIN copies c WHERE t.corp_id = 'bench' AND t.chat_id = 's010000';
INSERT INTO chat_members (corp_id, chat_id, user_id, joined_at)
  SELECT t.corp_id, c.chat, t.user_id, c.at FROM chat_members t JOIN copies c
  WHERE t.corp_id = 'bench' AND t.chat_id = 's010000';
INSERT INTO conversations (corp_id, user_id, conversation_id, chat_id, chat_type, peer_id, is_pinned, draft_text,
                           custom_data, unread_count, hidden, activity_at, updated_at, last_message_id, changed_seq)
  SELECT t.corp_id, t.user_id, CONCAT('GROUP', c.chat), c.chat, t.chat_type, t.peer_id, t.is_pinned, t.draft_text,
         t.custom_data, t.unread_count, t.hidden, c.at, c.at, t.last_message_id, c.eseq
  FROM conversations t JOIN copies c WHERE t.corp_id = 'bench' AND t.chat_id = 's010000';
INSERT INTO events (corp_id, user_id, seq, event_type, data, created_at)
  SELECT 'bench', 'size100000', c.eseq, 'CONVERSATION_LIST_UPDATED',
         REPLACE(REPLACE(REPLACE(@data, 's010000', c.chat), '"title":"Size 10000"', CONCAT('"title":"Size ', c.i, '"')),
                 CAST(@t AS CHAR), CAST(c.at AS CHAR)), c.at
  FROM copies c ORDER BY c.i;
UPDATE users SET last_event_seq = @base + 89900 WHERE corp_id = 'bench' AND user_id = 'size100000';
COMMIT;
"""


class Api:
    """The service's /v1 calls, a keep-alive connection per thread (api.Connection)."""

    def __init__(self, base, admin_key):
        self.connection = Connection(base)
        self.admin = admin_key

    def call(self, method, path, key, body=None, ok=(200, 201, 204)):
        return self.connection.expect(method, "/v1" + path, key, body, ok)


def run_all(pool, label, fn, items):
    started = time.time()
    for _ in pool.map(fn, items, chunksize=64):
        pass
    print("  %-42s %7d calls  %5.1f s" % (label, len(items), time.time() - started), flush=True)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--url", required=True)
    p.add_argument("--admin-key", required=True)
    p.add_argument("--users", type=int, default=1000)
    p.add_argument("--lua", required=True, help="where to write the wrk scripts' data")
    p.add_argument("--threads", type=int, default=16)
    p.add_argument("--skip-sizes", action="store_true", help="leave out the 100/10,000/100,000 users")
    p.add_argument("--skip-big", action="store_true", help="leave out the users with a group of 1,000")
    p.add_argument("--bulk-db", help="MariaDB database (root on 127.0.0.1) to copy most of the 100,000 chats in")
    a = p.parse_args()
    api = Api(a.url, a.admin_key)
    rnd = random.Random(42)
    n = a.users
    users = ["u%04d" % i for i in range(n)]
    pool = ThreadPoolExecutor(a.threads)
    print("seeding %s: %d users" % (a.url, n), flush=True)

    api.call("PUT", "/admin/corps/" + CORP, a.admin_key, {"name": "Benchmark Corp"})
    run_all(pool, "users", lambda u: api.call("PUT", "/admin/corps/%s/users/%s" % (CORP, u), a.admin_key,
                                              {"nick": "User " + u[1:], "avatarUrl": "https://avatars.example/%s.png" % u}),
            users)
    tokens = {}

    def token(u):
        tokens[u] = api.call("POST", "/admin/tokens", a.admin_key, {"corpId": CORP, "userId": u, "ttlSeconds": 86400})["token"]
    run_all(pool, "tokens", token, users)

    # The sized users' chats all lock the same user, one after the other: they run beside the rest.
    sized, sizing = {}, None
    if not a.skip_sizes:
        for size in SIZES:
            u = "size%d" % size
            api.call("PUT", "/admin/corps/%s/users/%s" % (CORP, u), a.admin_key, {"nick": u})
            token(u)
            sized[size] = u
        # Chat i has the 100,000-user, the 10,000-user when i < 10,000, and the 100-user when i < 100.
        side = ThreadPoolExecutor(4)
        sizing = ThreadPoolExecutor(1).submit(run_all, side, "chats for 100 / 10,000 / 100,000 (beside)",
                                              lambda i: api.call("POST", "/admin/corps/%s/chats" % CORP, a.admin_key, {
                                                  "type": "GROUP", "chatId": "s%06d" % i, "title": "Size %d" % i,
                                                  "ownerId": "size100000", "memberIds": [sized[s] for s in SIZES if i < s]}),
                                              list(range(API_SIZED if a.bulk_db else max(SIZES))))

    # The big-group users' chats each lock all 64 of them: they too run beside the rest.
    big, bigging = [], None
    if not a.skip_big:
        big = ["big%02d" % i for i in range(BIG_USERS)]
        for u in big:
            api.call("PUT", "/admin/corps/%s/users/%s" % (CORP, u), a.admin_key, {"nick": u})
            token(u)
        big_chats = ["b%04d" % i for i in range(BIG_CHATS)]

        def big_groups():
            run_all(ThreadPoolExecutor(4), "chats of the 64 big-group users (beside)",
                    lambda c: api.call("POST", "/admin/corps/%s/chats" % CORP, a.admin_key, {
                        "type": "GROUP", "chatId": c, "title": "Big " + c, "ownerId": big[0], "memberIds": big}),
                    big_chats)
            ids = ["GROUP" + c for c in big_chats[:BIG_GROUP]]
            run_all(ThreadPoolExecutor(8), "their groups of 1,000 and a small one (beside)",
                    lambda u: [api.call("POST", "/conversation-groups", tokens[u], {"groupName": "Small"}),
                               api.call("POST", "/conversation-groups", tokens[u], {"groupName": "Big"})] +
                              [api.call("POST", "/conversation-groups/Big/conversations", tokens[u],
                                        {"conversationIDList": ids[i:i + 100]}) for i in range(0, BIG_GROUP, 100)],
                    big)
        bigging = ThreadPoolExecutor(1).submit(big_groups)

    # 100 rounds; each splits the users into teams of 10: every user is in 100 group chats.
    group_chats = []
    for r in range(100):
        order = users[:]
        rnd.shuffle(order)
        for t in range(n // 10):
            group_chats.append(("g%02d%03d" % (r, t), order[t * 10:(t + 1) * 10]))
    run_all(pool, "group chats of 10", lambda c: api.call("POST", "/admin/corps/%s/chats" % CORP, a.admin_key, {
        "type": "GROUP", "chatId": c[0], "title": "Team " + c[0], "avatarIcons": ["https://avatars.example/%s.png" % c[0]],
        "ownerId": c[1][0], "memberIds": c[1]}), group_chats)
    pairs = [(users[i], users[(i + d) % n]) for i in range(n) for d in range(1, min(50, (n - 1) // 2) + 1)]
    c2c_ids = {}

    def c2c(pair):
        c2c_ids[pair] = api.call("POST", "/admin/corps/%s/chats" % CORP, a.admin_key,
                                 {"type": "C2C", "memberIds": list(pair)})["chatId"]
    run_all(pool, "one-to-one chats", c2c, pairs)

    messages = []
    for chat, members in group_chats:
        messages += [(chat, rnd.choice(members)) for _ in range(rnd.randint(1, 3))]
    for pair in pairs:
        if rnd.random() < 0.5:
            messages.append((c2c_ids[pair], rnd.choice(pair)))
    rnd.shuffle(messages)
    run_all(pool, "messages", lambda m: api.call("POST", "/chats/%s/messages" % m[0], tokens[m[1]],
                                                   {"type": "text", "text": "Hello from %s, about %s" % (m[1], m[0])}),
            messages)

    mine = {u: [] for u in users}
    for chat, members in group_chats:
        for m in members:
            mine[m].append("GROUP" + chat)
    for x, y in pairs:
        mine[x].append("C2C" + y)
        mine[y].append("C2C" + x)
    grouping = {}
    for u in users:
        ids = mine[u][:]
        rnd.shuffle(ids)
        grouping[u] = [(GROUP_NAMES[g], ids[g * 20:(g + 1) * 20]) for g in range(10)]
    run_all(pool, "conversation groups (10 x 20 each)",
            lambda ug: api.call("POST", "/conversation-groups", tokens[ug[0]],
                                {"groupName": ug[1][0], "conversationIDList": ug[1][1]}),
            [(u, g) for u in users for g in grouping[u]])
    run_all(pool, "pins (2 each)", lambda uc: api.call("PUT", "/conversations/%s/pin" % uc[1], tokens[uc[0]],
                                                      {"isPinned": True}),
            [(u, c) for u in users for c in rnd.sample(mine[u], 2)])

    if bigging is not None:
        bigging.result()
    if sizing is not None:
        sizing.result()
        if a.bulk_db:
            started = time.time()
            subprocess.run(["mariadb", "-uroot", "-h127.0.0.1", a.bulk_db], input=BULK_SQL, text=True, check=True)
            print("  %-42s %7d rows    %5.1f s" % ("chats of the 100,000-user, copied", max(SIZES) - API_SIZED,
                                                   time.time() - started), flush=True)

    with open(a.lua, "w", encoding="utf-8") as f:
        f.write("-- written by bench/seed.py\nreturn {\n  groupNames = {%s},\n  users = {\n" %
                ", ".join('"%s"' % quote(g) for g in GROUP_NAMES))
        for u in users:
            groups = grouping[u]
            chats = [c[5:] for c in mine[u] if c.startswith("GROUP")]
            # The moved conversation: the first of the first group, between the first two groups.
            f.write('    {id="%s", token="%s", move="%s", from="%s", to="%s", chats={%s}},\n' % (
                u, tokens[u], groups[0][1][0], quote(groups[0][0]), quote(groups[1][0]),
                ",".join('"%s"' % c for c in chats)))
        f.write("  },\n  big = {\n")
        for u in big:
            # Moved between "Big" (1,000 conversations) and "Small", like case 3's users between their groups.
            f.write('    {id="%s", token="%s", move="GROUPb0000", from="Big", to="Small", chats={}},\n' % (u, tokens[u]))
        f.write("  },\n  sized = {%s},\n}\n" % ", ".join('[%d]="%s"' % (s, tokens[sized[s]]) for s in sized))
    print("wrote %s" % a.lua, flush=True)


if __name__ == "__main__":
    sys.exit(main())
