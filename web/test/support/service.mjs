// The service the tests talk to: the one named by CONVERSATIONS_URL / CONVERSATIONS_ADMIN_KEY (the Maven build
// starts one and passes them), else a service started here from the built jar on a free port and an empty
// embedded store. Nothing is mocked.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const jar = path.resolve(here, '../../../bootstrap/target/conversations.jar');

let started = null;

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** @returns {Promise<{url: string, adminKey: string, pageOrigin: string|null}>} */
export async function service() {
  if (process.env.CONVERSATIONS_URL) {
    return { url: process.env.CONVERSATIONS_URL.replace(/\/$/, ''), adminKey: process.env.CONVERSATIONS_ADMIN_KEY,
      pageOrigin: process.env.CONVERSATIONS_TEST_PAGE_ORIGIN || null };
  }
  if (!started) {
    started = startJar();
  }
  return started;
}

async function startJar() {
  if (!existsSync(jar)) {
    throw new Error(`no service: set CONVERSATIONS_URL, or build ${jar} (mvn -B -q package -DskipTests)`);
  }
  const port = await freePort();
  const pagePort = await freePort();
  // Under test-output/ (not committed); the next run starts from an empty store again.
  const dataDir = path.resolve(here, '../../test-output/service-data');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const adminKey = 'sdk-test-admin-key-0123456789';
  const pageOrigin = `http://127.0.0.1:${pagePort}`;
  const child = spawn('java', ['-jar', jar], {
    env: { ...process.env, CONVERSATIONS_PORT: String(port), CONVERSATIONS_HOST: '127.0.0.1',
      CONVERSATIONS_DATA_DIR: dataDir, CONVERSATIONS_ADMIN_KEY: adminKey, CONVERSATIONS_CORS_ORIGINS: pageOrigin,
      CONVERSATIONS_SSE_HEARTBEAT_MS: '1000' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  child.unref();
  process.on('exit', () => child.kill());
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    try {
      const r = await fetch(`${url}/health`);
      if (r.ok) {
        process.env.CONVERSATIONS_TEST_PAGE_ORIGIN = pageOrigin;
        return { url, adminKey, pageOrigin };
      }
    } catch (e) {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the service did not start within 30 s');
}

/** Calls the service as the corp's backend (admin key) or as a user (token). */
export class Client {
  constructor(url, bearer) {
    this.url = url;
    this.bearer = bearer;
  }

  async call(method, path, body, expected) {
    const response = await fetch(this.url + path, {
      method,
      headers: { Authorization: `Bearer ${this.bearer}`, Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (expected !== undefined ? response.status !== expected : !response.ok) {
      throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    }
    return json;
  }

  get(path) { return this.call('GET', path); }
  post(path, body, expected) { return this.call('POST', path, body ?? {}, expected); }
  put(path, body) { return this.call('PUT', path, body); }
  patch(path, body) { return this.call('PATCH', path, body); }
  delete(path, body) { return this.call('DELETE', path, body); }
}

let corps = 0;

/**
 * A corp of its own with users and chats: `users` are user ids; `groups` are {chatId, title, members}. Every
 * user shares a one-to-one chat with the first one.
 */
export async function provision({ users, groups = [], c2c = true }) {
  const { url, adminKey } = await service();
  const admin = new Client(url, adminKey);
  const corpId = `corp${Date.now().toString(36)}${(corps++).toString(36)}`;
  await admin.put(`/v1/admin/corps/${corpId}`, { name: `Corp ${corpId}` });
  for (const user of users) {
    await admin.put(`/v1/admin/corps/${corpId}/users/${user}`, { nick: `Nick ${user}`, avatarUrl: '' });
  }
  for (const g of groups) {
    await admin.post(`/v1/admin/corps/${corpId}/chats`, { type: 'GROUP', chatId: g.chatId, title: g.title,
      avatarIcons: [], ownerId: g.members[0], memberIds: g.members });
  }
  if (c2c) {
    for (const user of users.slice(1)) {
      await admin.post(`/v1/admin/corps/${corpId}/chats`, { type: 'C2C', memberIds: [users[0], user] });
    }
  }
  const tokens = {};
  for (const user of users) {
    tokens[user] = (await admin.post('/v1/admin/tokens', { corpId, userId: user, ttlSeconds: 3600 })).token;
  }
  return { url, adminKey, admin, corpId, tokens, as: (user) => new Client(url, tokens[user]) };
}

/** Every page of the user's list, and the group names, as the service has them now. */
export async function serverState(client) {
  const list = [];
  let cursor = '';
  for (;;) {
    const page = await client.get(`/v1/conversations?count=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    list.push(...page.conversationList);
    if (page.isFinished) break;
    cursor = page.nextCursor;
  }
  const groups = (await client.get('/v1/conversation-groups')).groupList.map((g) => g.groupName);
  const last = (await client.get('/v1/events?after=0')).last;
  return { list, groups, last };
}

export async function eventually(check, { timeoutMs = 5000, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A TCP proxy in front of the service whose connections the test can cut, as a network break would. */
export async function breakableProxy(target) {
  const { hostname, port } = new URL(target);
  const sockets = new Set();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {});
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    cut() {
      const n = sockets.size;
      sockets.forEach((s) => s.destroy());
      return n;
    },
    close() {
      sockets.forEach((s) => s.destroy());
      return new Promise((resolve) => server.close(resolve));
    },
  };
}
