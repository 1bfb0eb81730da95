// Tencent's own React UI kit (@tencentcloud/chat-uikit-react 6.1.7), built by examples/tencent-uikit with its
// Tencent SDK imports aliased to this SDK, in Debian's headless Chromium against the real service: the list the
// kit shows is the service's, it follows live changes, and what its menu does reaches the service.
// Screenshots are kept in test-output/screenshots (uikit-*.png).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { eventually, provision, service } from './support/service.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const example = path.resolve(here, '../examples/tencent-uikit');
const shots = path.resolve(here, '../test-output/screenshots');
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const haveBrowser = existsSync(executablePath);
if (!haveBrowser && process.env.CI === 'true') {
  throw new Error(`no Chromium at ${executablePath}: install Debian's chromium (CI=true does not skip browser tests)`);
}
const skip = haveBrowser ? false : `no Chromium at ${executablePath} (apt-get install chromium); the UI kit test skipped`;

/** Installs the example (its lock file) when it is not, and builds it: the alias recipe, run as a user would. */
function buildExample() {
  const installed = path.join(example, 'node_modules/.package-lock.json');
  if (!existsSync(installed)) {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: example, stdio: 'inherit' });
  }
  execFileSync('node', ['build.mjs'], { cwd: example, stdio: 'inherit' });
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

/** Serves the example's index.html and dist/ on the page origin the service allows. */
async function serveExample(pageOrigin) {
  const server = createServer((req, res) => {
    const file = new URL(req.url, pageOrigin).pathname === '/' ? '/index.html' : new URL(req.url, pageOrigin).pathname;
    const full = path.join(example, path.normalize(file));
    if (!full.startsWith(example) || !existsSync(full) || !(file === '/index.html' || file.startsWith('/dist/'))) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(full)] || 'application/octet-stream' });
    res.end(readFileSync(full));
  });
  await new Promise((resolve, reject) => {
    server.once('error', (e) => reject(new Error(`the example cannot listen on ${pageOrigin}: ${e.message}`)));
    server.listen(Number(new URL(pageOrigin).port), '127.0.0.1', resolve);
  });
  return server;
}

let browser;
let pages;
before(async () => {
  if (!haveBrowser) return;
  mkdirSync(shots, { recursive: true });
  buildExample();
  const { pageOrigin } = await service();
  pages = await serveExample(pageOrigin);
  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});
after(async () => {
  await browser?.close();
  pages?.close();
});

/** The kit's rows as it shows them: title, unread badge (0 when none) and the last message's line. */
function rowsOf(page) {
  return page.$$eval('.uikit-ConversationList-conversationPreview', (rows) => rows.map((row) => ({
    title: row.querySelector('.uikit-ConversationList-conversationPreview__title')?.textContent ?? '',
    unread: Number(row.querySelector('.uikit-avatar-badge__unread')?.textContent ?? 0),
    last: row.querySelector('.uikit-ConversationList-conversationPreview__abstract')?.textContent ?? '',
  })));
}

/** The service's list for the user, as the kit should show it. */
async function serverRows(client) {
  const page = await client.get('/v1/conversations?count=100');
  return page.conversationList.map((c) => ({ title: c.title, unread: c.unreadCount,
    last: c.lastMessage ? `${c.lastMessage.senderId}: ${c.lastMessage.text}` : '' }));
}

test("Tencent's UI kit shows the service's list, follows it live, and its menu reaches the service", { skip }, async () => {
  const { url, pageOrigin } = await service();
  const world = await provision({ users: ['alice', 'bob', 'carol'], groups: [
    { chatId: 'ops', title: 'Ops room', members: ['alice', 'bob', 'carol'] },
    { chatId: 'sales', title: 'Sales', members: ['alice', 'bob'] }] });
  const alice = world.as('alice');
  const bob = world.as('bob');
  await bob.post('/v1/chats/sales/messages', { type: 'text', text: 'quarter numbers' }, 201);
  await bob.post('/v1/chats/ops/messages', { type: 'text', text: 'deploy at noon' }, 201);
  await bob.post('/v1/chats/ops/messages', { type: 'text', text: 'done' }, 201);

  const context = await browser.newContext({ viewport: { width: 900, height: 640 }, locale: 'en-US' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  const conversation = async (id) => alice.get(`/v1/conversations/${id}`);
  /** Opens the kit's menu of a row (right click) and picks an item. */
  const fromMenu = async (title, item) => {
    await page.locator('.uikit-ConversationList-conversationPreview', { hasText: title }).click({ button: 'right' });
    await page.getByText(item, { exact: true }).click();
  };
  try {
    const hash = new URLSearchParams({ server: url, user: 'alice', token: world.tokens.alice });
    await page.goto(`${pageOrigin}/index.html#${hash}`, { timeout: 15_000 });
    await page.waitForSelector('#root[data-state="signed in"]', { timeout: 20_000 });

    // The list: the service's conversations in its order, with names, badges and last messages.
    const expected = await serverRows(alice);
    assert.deepEqual(expected.map((r) => r.title), ['Ops room', 'Sales', 'Nick carol', 'Nick bob']);
    await eventually(async () => JSON.stringify(await rowsOf(page)) === JSON.stringify(expected),
      { timeoutMs: 15_000, what: 'the kit to show the service\'s list' });
    assert.equal(await page.locator('.uikit-avatar[aria-label="Ops room"]').count(), 1, 'an avatar per row');
    await page.screenshot({ path: path.join(shots, 'uikit-list.png') });

    // Live: another user's message moves its conversation to the top with the badge incremented.
    await bob.post('/v1/chats/sales/messages', { type: 'text', text: 'new numbers' }, 201);
    await eventually(async () => {
      const [first] = await rowsOf(page);
      return first.title === 'Sales' && first.unread === 2 && first.last === 'bob: new numbers';
    }, { timeoutMs: 10_000, what: 'Sales to come to the top with 2 unread, live' });
    await page.screenshot({ path: path.join(shots, 'uikit-live.png') });

    // The kit's menu reaches the service, read back through the API.
    await fromMenu('Nick carol', 'Pin');
    await eventually(async () => (await conversation('C2Ccarol')).isPinned, { what: 'the pin to reach the service' });
    await eventually(async () => (await rowsOf(page))[0].title === 'Nick carol', { what: 'the pinned row on top' });

    await fromMenu('Ops room', 'Mute');
    await eventually(async () => (await conversation('GROUPops')).messageRemindType === 'AcceptNotNotify',
      { what: 'do-not-disturb to reach the service' });

    await fromMenu('Nick bob', 'MarkUnRead');
    await eventually(async () => (await conversation('C2Cbob')).markList.includes(2),
      { what: "Tencent's unread mark to reach the service" });
    await page.screenshot({ path: path.join(shots, 'uikit-menu-done.png') });

    await fromMenu('Sales', 'Delete');
    const confirm = page.getByRole('button', { name: /^(Delete|Confirm|OK)$/ });
    if (await confirm.count()) {
      await confirm.first().click();
    }
    await eventually(async () => (await conversation('GROUPsales')).isHidden, { what: 'the delete to reach the service' });
    await eventually(async () => !(await rowsOf(page)).some((r) => r.title === 'Sales'),
      { what: 'the deleted row to leave the kit' });
    await page.screenshot({ path: path.join(shots, 'uikit-after-menu.png') });
    assert.deepEqual(problems, []);
  } catch (e) {
    await page.screenshot({ path: path.join(shots, 'uikit-failed.png') });
    throw e;
  } finally {
    await context.close();
  }
});
