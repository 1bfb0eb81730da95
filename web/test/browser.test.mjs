// In real headless Chromium (Debian's, never a downloaded one): DingTalk's picker driven by mouse and keyboard,
// the page showing the product and changes made elsewhere, and the seeds' own example code. Screenshots are
// kept in test-output/screenshots.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { provision, service } from './support/service.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const shots = path.resolve(here, '../test-output/screenshots');
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const haveBrowser = existsSync(executablePath);
if (!haveBrowser && process.env.CI === 'true') {
  throw new Error(`no Chromium at ${executablePath}: install Debian's chromium (CI=true does not skip browser tests)`);
}
const skip = haveBrowser ? false : `no Chromium at ${executablePath} (apt-get install chromium); browser tests skipped`;

let browser;
before(async () => {
  if (!haveBrowser) return;
  mkdirSync(shots, { recursive: true });
  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      // Playwright gives each launch a fresh, empty profile directory of its own.
      '--disable-component-update', '--disable-sync'],
  });
});
after(() => browser?.close());

async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1000, height: 720 }, locale: 'en-US' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  // Refusals the tests ask for (403, 404) show as "Failed to load resource"; anything else logged as an error counts.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  return { page, context, problems };
}

const pickerWorld = () => provision({
  users: ['alice', 'bob'],
  c2c: false,
  groups: [
    ...Array.from({ length: 45 }, (_, i) => ({ chatId: `chat${i + 1}`, title: `Chat ${String(i + 1).padStart(2, '0')}`,
      members: ['alice', 'bob'] })),
    ...['A', 'B', 'C'].map((x) => ({ chatId: `sup${x}`, title: `Suppliers ${x}`, members: ['alice', 'bob'] })),
    { chatId: 'secret', title: 'Suppliers secret', members: ['bob'] },
  ],
});

test('the picker: paged as it scrolls, searched, driven by keys, confirmed, cancelled; its cid posts once', { skip }, async () => {
  const world = await pickerWorld();
  const { page, context, problems } = await newPage();
  await page.goto(`${world.url}/app/playground.html`);
  await page.evaluate((token) => dd.config({ userSig: token }), world.tokens.alice);

  // A wrong corp fails with the service's code, and no dialog opens.
  const foreign = await page.evaluate(() => new Promise((resolve) => dd.biz.chat.pickConversation({
    corpId: 'someone-else', isConfirm: 'true', onSuccess: () => resolve('success'), onFail: (e) => resolve(e.code) })));
  assert.equal(foreign, 40301);
  assert.equal(await page.locator('[role=dialog]').count(), 0);

  await page.evaluate((corpId) => {
    window.outcome = new Promise((resolve) => dd.biz.chat.pickConversation({ corpId, isConfirm: 'true',
      onSuccess: (r) => resolve({ ok: r }), onFail: (e) => resolve({ failed: e.code }) }));
  }, world.corpId);
  const dialog = page.locator('[role=dialog]');
  await dialog.waitFor();
  const options = dialog.locator('[role=option]');
  assert.equal(await options.count(), 30, 'the first page');
  await page.screenshot({ path: path.join(shots, 'picker-open.png') });
  // Scrolling to the end loads the rest (the chat bob alone is in never appears).
  for (let i = 0; i < 5 && (await options.count()) < 48; i++) {
    await dialog.locator('[role=listbox]').evaluate((list) => { list.scrollTop = list.scrollHeight; });
    await page.waitForTimeout(150);
  }
  assert.equal(await options.count(), 48, 'every page');
  assert.equal(await dialog.getByText('Suppliers secret').count(), 0);

  await page.keyboard.type('Suppl');
  await page.waitForFunction(() => document.querySelectorAll('[role=option]').length === 3);
  // Most recent activity first, as the list: C was made last.
  assert.deepEqual(await options.allTextContents(), ['SSuppliers C', 'SSuppliers B', 'SSuppliers A']);
  assert.equal(await dialog.locator('[aria-selected=true]').textContent(), 'SSuppliers C');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown'); // stays on the last
  await page.keyboard.press('ArrowUp');
  assert.equal(await dialog.locator('[aria-selected=true]').textContent(), 'SSuppliers B');
  await page.keyboard.press('Enter');
  await dialog.getByText('Send to “Suppliers B”?').waitFor();
  await page.screenshot({ path: path.join(shots, 'picker-confirm.png') });
  // Escape in the confirmation goes back to the list; Enter there picks again and Enter confirms.
  await page.keyboard.press('Escape');
  await dialog.locator('input').waitFor();
  assert.equal(await dialog.locator('[aria-selected=true]').textContent(), 'SSuppliers B');
  await page.keyboard.press('Enter');
  await dialog.getByText('Send to “Suppliers B”?').waitFor();
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  const picked = await page.evaluate(() => window.outcome);
  assert.equal(picked.ok.title, 'Suppliers B');
  assert.match(picked.ok.cid, /^cid[A-Za-z0-9_-]{22}$/);
  assert.equal(await page.locator('[role=dialog]').count(), 0);

  // The cid lets the corp's backend post one message into that chat, as alice; once.
  const url = `/v1/admin/corps/${world.corpId}/picked-chats/${picked.ok.cid}/messages`;
  assert.equal((await world.admin.call('POST', `/v1/admin/corps/other/picked-chats/${picked.ok.cid}/messages`,
    { type: 'text', text: 'wrong corp' }, 404)).code, 40401);
  const message = await world.admin.call('POST', url, { type: 'text', text: 'shared from the backend' }, 201);
  assert.equal(message.chatId, 'supB');
  assert.equal(message.senderId, 'alice');
  assert.equal((await world.admin.call('POST', url, { type: 'text', text: 'again' }, 404)).code, 40401);
  const history = await world.as('bob').get('/v1/chats/supB/messages');
  assert.deepEqual(history.messageList.map((m) => m.text), ['shared from the backend']);
  const info = await page.evaluate((cid) => dd.biz.chat.getConversationInfo({ cid }), picked.ok.cid);
  assert.deepEqual(info, { cid: picked.ok.cid, title: 'Suppliers B', avatarIcons: [], memberCount: 2 });
  assert.equal(await page.evaluate(() => dd.biz.chat.getConversationInfo({ cid: 'cidAAAAAAAAAAAAAAAAAAAAAA' })
    .then(() => 'found', (e) => e.code)), 40401);

  // Escape cancels: onFail with -1 and the dialog is gone.
  const cancelled = page.evaluate(() => new Promise((resolve) => dd.biz.chat.pickConversation({ corpId: '',
    isConfirm: 'true', onSuccess: () => resolve('success'), onFail: (e) => resolve(e.code) })));
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await cancelled, -1);
  assert.equal(await page.locator('[role=dialog]').count(), 0);

  // chooseConversationByCorpId: a click picks, without a confirmation.
  const chosen = page.evaluate((corpId) => dd.biz.chat.chooseConversationByCorpId({ corpId }), world.corpId);
  await dialog.waitFor();
  await dialog.getByText('Suppliers A').click();
  assert.deepEqual(await chosen, { chatId: 'supA', title: 'Suppliers A' });

  // toConversation hands the conversation to the page's handler.
  const opened = await page.evaluate((corpId) => new Promise((resolve) => {
    dd.biz.chat.onToConversation((target) => resolve(target));
    dd.biz.chat.toConversation({ corpId, chatId: 'chat3' });
  }), world.corpId);
  assert.equal(opened.conversationID, 'GROUPchat3');
  assert.equal(opened.conversation.title, 'Chat 03');
  const missing = await page.evaluate((corpId) => dd.biz.chat.toConversation({ corpId, chatId: 'secret' })
    .then(() => 'opened', (e) => e.code), world.corpId);
  assert.equal(missing, 40401);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the page: group tabs with badges, creating, renaming, deleting and moving, live changes, send to a chat', { skip }, async () => {
  const world = await provision({ users: ['alice', 'bob', 'carol'], groups: [
    { chatId: 'sales', title: 'Sales', members: ['alice', 'bob', 'carol'] },
    { chatId: 'ops', title: 'Ops', members: ['alice', 'bob'] },
    { chatId: 'design', title: 'Design review', members: ['alice', 'carol'] },
  ] });
  await world.as('bob').post('/v1/chats/sales/messages', { type: 'text', text: 'Q3 numbers are in' }, 201);
  await world.as('bob').post('/v1/chats/sales/messages', { type: 'text', text: 'call at 3?' }, 201);
  const { page, context, problems } = await newPage();
  await page.goto(`${world.url}/`);
  assert.match(page.url(), /\/app\/$/);
  assert.equal(await page.getByTestId('share').isVisible(), false, 'nothing to share before signing in');
  await page.getByLabel('User ID').fill('alice');
  await page.getByLabel('Token (userSig)').fill(world.tokens.alice);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('[data-conversation]').first().waitFor();
  assert.equal(await page.getByRole('button', { name: 'Rename' }).isVisible(), false, 'All cannot be renamed');
  assert.equal(await page.locator('[data-conversation]').count(), 5);
  assert.equal(await page.locator('[data-conversation="GROUPsales"] [data-testid=unread]').textContent(), '2');
  await page.getByTestId('net').getByText('live').waitFor();

  await page.getByLabel('New group name').fill('Suppliers');
  await page.getByRole('button', { name: 'Create group' }).click();
  await page.getByRole('tab', { name: /Suppliers/ }).waitFor();
  await page.getByRole('tab', { name: /^All/ }).click();
  await page.locator('[data-conversation="GROUPsales"] select').selectOption('Suppliers');
  await page.getByText('Sales is in “Suppliers”.').waitFor();
  const tab = page.getByRole('tab', { name: /Suppliers/ });
  assert.equal(await tab.locator('.badge').textContent(), '2', 'the group badge sums its unread');
  await tab.click();
  assert.deepEqual(await page.locator('[data-conversation]').evaluateAll((rows) => rows.map((r) => r.dataset.conversation)),
    ['GROUPsales']);
  await page.screenshot({ path: path.join(shots, 'page-group.png') });

  // Changes made elsewhere arrive within a second: another tab of alice's, and bob's messages.
  const other = await context.newPage();
  await other.goto(`${world.url}/app/`);
  await other.getByLabel('User ID').fill('alice');
  await other.getByLabel('Token (userSig)').fill(world.tokens.alice);
  await other.getByRole('button', { name: 'Sign in' }).click();
  await other.getByRole('tab', { name: /Suppliers/ }).waitFor();
  await other.getByLabel('New group name').fill('需求研发');
  await other.getByRole('button', { name: 'Create group' }).click();
  const made = Date.now();
  await page.getByRole('tab', { name: /需求研发/ }).waitFor({ timeout: 1000 });
  const seenAfter = Date.now() - made;
  await world.as('bob').post('/v1/chats/sales/messages', { type: 'text', text: 'and one more' }, 201);
  const sent = Date.now();
  await page.waitForFunction(() => document.querySelector('[data-conversation="GROUPsales"] [data-testid=unread]')?.textContent === '3',
    null, { timeout: 1000 });
  const messageAfter = Date.now() - sent;
  console.log(`# live: a group made in another tab showed after ${seenAfter} ms, a message after ${messageAfter} ms`);

  // Rename (Chinese name), move to another group, delete.
  await tab.click();
  await page.getByLabel('New name for this group').fill('供应商');
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByRole('tab', { name: /供应商/ }).waitFor();
  assert.equal(await page.getByRole('tab', { name: /Suppliers/ }).count(), 0);
  await page.locator('[data-conversation="GROUPsales"] select').selectOption('需求研发');
  await page.getByText('Sales is in “需求研发”.').waitFor();
  assert.equal(await page.locator('[data-conversation]').count(), 0, 'moved out of the group shown');
  await page.getByRole('tab', { name: /需求研发/ }).click();
  assert.equal(await page.locator('[data-conversation="GROUPsales"]').count(), 1);
  await page.screenshot({ path: path.join(shots, 'page-moved.png') });
  await page.getByRole('button', { name: 'Delete group' }).click();
  await page.getByRole('button', { name: 'Really delete?' }).click();
  await page.getByText('Deleted “需求研发”').waitFor();
  assert.equal(await page.getByRole('tab', { name: /需求研发/ }).count(), 0);
  const server = (await world.as('alice').get('/v1/conversation-groups')).groupList.map((g) => g.groupName);
  assert.deepEqual(server, ['供应商']);
  // The other tab followed everything.
  await other.getByRole('tab', { name: /供应商/ }).waitFor({ timeout: 1000 });
  assert.equal(await other.getByRole('tab', { name: /需求研发/ }).count(), 0);

  // Send to a chat: the picker opens in the page, and the message lands in the chat picked.
  await page.getByTestId('share').click();
  const dialog = page.locator('[role=dialog]');
  await dialog.waitFor();
  await page.keyboard.type('Design');
  await page.waitForFunction(() => document.querySelectorAll('[role=option]').length === 1);
  await page.keyboard.press('Enter');
  await page.screenshot({ path: path.join(shots, 'page-share-confirm.png') });
  await page.keyboard.press('Enter');
  await page.getByText('Sent to “Design review”.').waitFor();
  const history = await world.as('carol').get('/v1/chats/design/messages');
  assert.equal(history.messageList[0].text, 'Shared from the Conversations page');
  assert.equal(history.messageList[0].senderId, 'alice');
  await page.screenshot({ path: path.join(shots, 'page-after-share.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the page as a product: 1280 and 390 px wide, nothing cut off, empty states readable, no stray element', { skip }, async () => {
  const world = await provision({ users: ['alice', 'bob', 'carol'], groups: [
    { chatId: 'rd', title: '需求研发 🚀', members: ['alice', 'bob', 'carol'] },
    { chatId: 'design', title: 'Design review with a title long enough to need an ellipsis on a phone', members: ['alice', 'carol'] },
    { chatId: 'ops', title: 'Ops', members: ['alice', 'bob'] },
  ] });
  await world.as('bob').post('/v1/chats/rd/messages', { type: 'text', text: '明天上午十点评审 👍' }, 201);
  await world.as('alice').put('/v1/conversations/GROUPops/pin', { isPinned: true });
  await world.as('alice').post('/v1/conversation-groups', { groupName: '供应商', conversationIDList: [] }, 201);
  const { page, context, problems } = await newPage();
  const overflow = () => page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const outside = [...document.querySelectorAll('header *, main:not([hidden]) *')]
      .filter((e) => e.offsetParent !== null && e.getBoundingClientRect().right > width + 0.5)
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''} ${e.textContent.trim().slice(0, 30)}`);
    return { scroll: document.documentElement.scrollWidth - width, outside };
  });

  await page.setViewportSize({ width: 390, height: 760 });
  await page.goto(`${world.url}/app/`);
  assert.equal(await page.getByTestId('net').isVisible(), false, 'no empty status pill while signed out');
  assert.deepEqual(await overflow(), { scroll: 0, outside: [] });
  await page.screenshot({ path: path.join(shots, 'page-390-signed-out.png') });
  await page.getByLabel('User ID').fill('alice');
  await page.getByLabel('Token (userSig)').fill(world.tokens.alice);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('[data-conversation]').first().waitFor();
  await page.getByTestId('net').getByText('live').waitFor();

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width > 600 ? 800 : 760 });
    assert.deepEqual(await overflow(), { scroll: 0, outside: [] }, `nothing cut off at ${width} px`);
    for (const row of await page.locator('[data-conversation]').all()) {
      const box = await row.locator('.actions').boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= width + 0.5, `a row's actions within ${width} px`);
    }
    await page.screenshot({ path: path.join(shots, `page-${width}.png`), fullPage: true });
  }
  const header = await page.locator('header').boundingBox();
  assert.ok(header.height < 110, `the header is at most two lines at 390 px: ${header.height}`);

  await page.getByRole('tab', { name: /供应商/ }).click();
  const empty = page.locator('#list .empty');
  await empty.waitFor();
  const emptyBox = await empty.boundingBox();
  assert.ok(emptyBox.width > 300, `the empty state spans the list, not the avatar column: ${emptyBox.width} px`);
  const lineHeight = await empty.evaluate((e) => parseFloat(getComputedStyle(e).lineHeight));
  assert.ok(emptyBox.height < lineHeight * 4 + 48, `a few lines, not a word a line: ${emptyBox.height} px`);
  assert.deepEqual(await overflow(), { scroll: 0, outside: [] }, 'a group\'s rename and delete fit at 390 px');
  await page.screenshot({ path: path.join(shots, 'page-390-empty-group.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test("the seeds' example code runs unchanged in a page of another origin that loads the SDK", { skip }, async () => {
  const { url, pageOrigin } = await service();
  assert.ok(pageOrigin, 'the service allows a test page origin (CONVERSATIONS_TEST_PAGE_ORIGIN)');
  const world = await provision({ users: ['alice', 'example', 'erin'], groups: [
    { chatId: 'test', title: 'Test group', members: ['alice', 'example', 'erin'] }] });
  const info = await world.as('alice').post(`/v1/corps/${world.corpId}/chats/test/pick`, {}, 201);
  const template = readFileSync(path.join(here, 'pages/seeds.html'), 'utf8');
  const html = template.replaceAll('{{SERVICE}}', url).replaceAll('{{CORP}}', world.corpId).replaceAll('{{CID}}', info.cid);
  const server = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise((resolve, reject) => {
    server.once('error', (e) => reject(new Error(`the seeds page cannot listen on ${pageOrigin}: ${e.message}`)));
    server.listen(Number(new URL(pageOrigin).port), '127.0.0.1', resolve);
  });
  const { page, context, problems } = await newPage();
  try {
    await page.goto(`${pageOrigin}/seeds.html`, { timeout: 15_000 });
    await Promise.race([
      page.evaluate(([user, token]) => window.signIn(user, token), ['alice', world.tokens.alice]),
      new Promise((_, reject) => setTimeout(() => reject(new Error('signing in on the seeds page took over 20 s')),
        20_000).unref()),
    ]);
    // Each example must settle within 20 s; one that does not is named (with a screenshot) instead of hanging the file.
    const run = (name) => Promise.race([
      page.evaluate((n) => window.runSeed(n).then((r) => (r === undefined ? null : r)), name),
      new Promise((_, reject) => setTimeout(() => {
        page.screenshot({ path: path.join(shots, `seeds-stuck-${name}.png`) }).catch(() => {});
        reject(new Error(`the seed example ${name} did not settle within 20 s`));
      }, 20_000).unref()),
    ]);
    await run('004-listen-group-list');
    await run('004-listen-in-group');
    await run('004-create');
    await run('004-list-a');
    await run('004-list-b');
    await world.as('alice').post('/v1/conversation-groups', { groupName: 'Suppliers_old', conversationIDList: [] }, 201);
    // Made by another client: the page learns of it from the stream. Wait for that before the rename, or the
    // rename's own catch-up may apply both in one batch and raise one group-list event for the two.
    await page.waitForFunction(() => window.chat[Symbol.for('conversations.internals')].list.groups
      .includes('Suppliers_old'), null, { timeout: 10_000 });
    await run('004-rename');
    await run('004-add');
    await run('004-remove');
    await run('004-delete');
    await page.waitForFunction(() => window.recorded.calls.length >= 10);
    const recorded = await page.evaluate(() => window.recorded);
    const result = (method, n = 0) => recorded.calls.filter((c) => c.method === method)[n];

    const created = result('createConversationGroup');
    assert.deepEqual(created.result.data.successConversationIDList, ['GROUPtest', 'C2Cexample']);
    assert.deepEqual(created.result.data.failureConversationIDList, []);
    assert.deepEqual(result('getConversationList').result.data.conversationList.map((c) => c.conversationID).sort(),
      ['C2Cexample', 'GROUPtest'], 'the seed lists what it created');
    const groupList = result('getConversationGroupList').result.data;
    assert.deepEqual(groupList, ['Suppliers']);
    const bySuppliers = recorded.calls.filter((c) => c.method === 'getConversationList'
      && c.args[0] && c.args[0].groupName === 'Suppliers')[0];
    assert.deepEqual(bySuppliers.result.data.conversationList.map((c) => c.conversationID).sort(), ['C2Cexample', 'GROUPtest']);
    for (const c of bySuppliers.result.data.conversationList) {
      for (const field of ['conversationID', 'type', 'unreadCount', 'lastMessage', 'groupProfile', 'userProfile', 'isPinned',
        'draftText', 'customData', 'conversationGroupList']) {
        assert.ok(field in c, `Conversation.${field}`);
      }
    }
    assert.equal(result('renameConversationGroup').result.code, 0);
    assert.deepEqual(result('addConversationsToGroup').result.data.successConversationIDList, ['GROUPtest', 'C2Cexample']);
    assert.deepEqual(result('deleteConversationsFromGroup').result.data.successConversationIDList, ['GROUPtest', 'C2Cexample']);
    assert.equal(result('deleteConversationGroup').result.code, 0);

    const events = (name) => recorded.events.filter((e) => e.name === name);
    const groupLists = events('onConversationGroupListUpdated').map((e) => e.data);
    assert.deepEqual(groupLists, [['Suppliers'], ['Suppliers', 'Suppliers_old'], ['Suppliers', 'Suppliers_new'], ['Suppliers_new']]);
    assert.deepEqual(recorded.logs.map((args) => args[0]), groupLists, 'the seed logs each full list of names');
    const inGroup = events('onConversationInGroupUpdated').map((e) => [e.data.groupName,
      e.data.conversationList.map((c) => c.conversationID).sort()]);
    assert.deepEqual(inGroup, [['Suppliers', ['C2Cexample', 'GROUPtest']], ['Suppliers_new', ['C2Cexample', 'GROUPtest']],
      ['Suppliers_new', []]]);

    // DingTalk's examples: the picker is driven as a user would.
    const pick = run('000-pick');
    await page.locator('[role=dialog]').waitFor();
    await page.keyboard.type('Test');
    await page.waitForFunction(() => document.querySelectorAll('[role=option]').length === 1);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    const picked = await pick;
    assert.equal(picked.title, 'Test group');
    assert.match(picked.cid, /^cid/);
    const choose = run('000-choose-by-corp');
    await page.locator('[role=dialog]').waitFor();
    await page.getByRole('option', { name: /Test group/ }).click();
    assert.deepEqual(await choose, { chatId: 'test', title: 'Test group' });
    assert.deepEqual(await run('000-to-conversation'), {});
    const sent = await run('000-send-message');
    assert.deepEqual(sent.messageList.map((m) => [m.type, m.attachment.images]),
      [['image', ['https://example.com/cat.png']], ['image', ['https://example.com/cat.png']]]);
    const chooseAny = run('000-choose');
    await page.locator('[role=dialog]').waitFor();
    await page.keyboard.type('Test');
    await page.waitForFunction(() => document.querySelectorAll('[role=option]').length === 1);
    await page.keyboard.press('Enter');
    assert.equal((await chooseAny).id, 'GROUPtest');
    assert.deepEqual(await run('000-info'), { cid: info.cid, title: 'Test group', avatarIcons: [], memberCount: 3 });
    // The event stream works across origins too: a message from another member arrives live.
    await page.evaluate(() => {
      window.unreadSeen = [];
      window.chat.on(TencentCloudChat.EVENT.TOTAL_UNREAD_MESSAGE_COUNT_UPDATED, (event) => window.unreadSeen.push(event.data));
    });
    await world.as('example').post('/v1/chats/test/messages', { type: 'text', text: 'over the stream' }, 201);
    await page.waitForFunction(() => window.unreadSeen.includes(1), null, { timeout: 10_000 });
    assert.equal(await page.evaluate(() => window.chat[Symbol.for('conversations.internals')].reader.state), 'connected');
    const after = await page.evaluate(() => window.recorded);
    assert.ok(after.calls.some((c) => c.method === 'toConversation:opened' && c.result.conversationID === 'GROUPtest'));
    assert.deepEqual(after.warnings, [], 'no example reached its catch');
    assert.deepEqual(after.errors, []);
    assert.deepEqual(problems, []);
    await page.screenshot({ path: path.join(shots, 'seeds.png') });
  } finally {
    await context.close();
    server.close();
  }
});
