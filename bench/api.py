"""The one small HTTP helper of the scripts (bench/ and galera/): a call to the service as a Reply, a persistent
connection for a thread's many calls, and the admin calls that set up a corp. Standard library only."""
import http.client
import json
import threading
import time
import urllib.error
import urllib.request


class Reply:
    """What a call got back: the status (0 when the service did not answer), the body, the time it took."""

    def __init__(self, status, body, seconds, started, headers=None):
        self.status, self.body, self.seconds, self.started = status, body, seconds, started
        self.headers = headers or {}

    def json(self):
        return json.loads(self.body) if self.body else None


class CallFailed(RuntimeError):
    pass


def call(base, method, path, bearer=None, body=None, timeout=30):
    """One request on a connection of its own; never raises for the service's answer (read reply.status)."""
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if bearer:
        headers["Authorization"] = "Bearer " + bearer
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as r:
            return Reply(r.status, r.read().decode(), time.monotonic() - started, started, dict(r.headers))
    except urllib.error.HTTPError as e:
        return Reply(e.code, e.read().decode(), time.monotonic() - started, started, dict(e.headers))
    except (urllib.error.URLError, OSError) as e:
        return Reply(0, str(e), time.monotonic() - started, started)


def expect(base, method, path, bearer=None, body=None, ok=(200, 201, 204), timeout=30):
    """call(), and its JSON body; raises CallFailed for any status not in `ok`."""
    reply = call(base, method, path, bearer, body, timeout)
    if reply.status not in ok:
        raise CallFailed("%s %s -> %d %s" % (method, path, reply.status, reply.body[:300]))
    return reply.json()


class Connection:
    """Keep-alive calls, one connection a thread (a benchmark's thousands of calls), tried again up to three
    times when the connection broke. `base` is http://host:port (paths are given whole)."""

    def __init__(self, base, timeout=60):
        self.host, self.port = base.split("//")[1].split("/")[0].split(":")
        self.timeout = timeout
        self.local = threading.local()

    def call(self, method, path, bearer=None, body=None):
        data = None if body is None else json.dumps(body).encode()
        headers = {"Content-Type": "application/json"}
        if bearer:
            headers["Authorization"] = "Bearer " + bearer
        for attempt in range(3):
            conn = getattr(self.local, "conn", None)
            if conn is None:
                conn = self.local.conn = http.client.HTTPConnection(self.host, int(self.port), timeout=self.timeout)
            started = time.monotonic()
            try:
                conn.request(method, path, body=data, headers=headers)
                r = conn.getresponse()
                text = r.read()
            except (http.client.HTTPException, OSError):
                conn.close()
                self.local.conn = None
                if attempt == 2:
                    raise
                continue
            return Reply(r.status, text.decode(), time.monotonic() - started, started, dict(r.getheaders()))

    def expect(self, method, path, bearer=None, body=None, ok=(200, 201, 204)):
        reply = self.call(method, path, bearer, body)
        if reply.status not in ok:
            raise CallFailed("%s %s -> %d %s" % (method, path, reply.status, reply.body[:300]))
        return reply.json()


def corp_with_chat(base, admin_key, corp, members, chat_id):
    """A corp of `members` (ids) in one group chat `chat_id`; answers each member's token (an hour)."""
    expect(base, "PUT", "/v1/admin/corps/" + corp, admin_key, {"name": corp})
    for m in members:
        expect(base, "PUT", "/v1/admin/corps/%s/users/%s" % (corp, m), admin_key, {"nick": m})
    expect(base, "POST", "/v1/admin/corps/%s/chats" % corp, admin_key,
           {"type": "GROUP", "chatId": chat_id, "title": chat_id, "ownerId": members[0], "memberIds": list(members)})
    return {m: expect(base, "POST", "/v1/admin/tokens", admin_key,
                      {"corpId": corp, "userId": m, "ttlSeconds": 3600})["token"] for m in members}
