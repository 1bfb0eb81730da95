// A client generated from the service's own /openapi.json by a well-kept generator (@hey-api/openapi-ts, in
// test/openapi-client/ with its lock file), called against the real service as a developer would: the functions
// carry the operation ids (the SDKs' call names), the description's server is the client's default base URL,
// and what comes back, data or error, has the shape the description gives it.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { provision, service } from './support/service.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const generator = path.join(here, 'openapi-client');
const out = path.resolve(here, '../test-output/openapi-client');

let spec;
let sdk;
before(async () => {
  if (!existsSync(path.join(generator, 'node_modules/.package-lock.json'))) {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: generator, stdio: 'inherit' });
  }
  const { url } = await service();
  spec = await (await fetch(`${url}/openapi.json`)).json();
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'openapi.json'), JSON.stringify(spec));
  execFileSync(path.join(generator, 'node_modules/.bin/openapi-ts'),
    ['-i', path.join(out, 'openapi.json'), '-o', path.join(out, 'generated')], { cwd: out, stdio: 'pipe' });
  // The calls (index.ts) and the client they share (client.gen.ts), as an application imports them.
  writeFileSync(path.join(out, 'entry.ts'),
    "export * from './generated/index';\nexport { client } from './generated/client.gen';\n");
  await build({ entryPoints: [path.join(out, 'entry.ts')], bundle: true, format: 'esm', platform: 'node',
    outfile: path.join(out, 'client.mjs'), logLevel: 'error' });
  sdk = await import(pathToFileURL(path.join(out, 'client.mjs')).href);
});

test('every operation has an id of its own, named as the call a client makes', () => {
  const ids = Object.values(spec.paths).flatMap((item) => Object.values(item))
    .filter((op) => op && op.responses).map((op) => op.operationId);
  assert.equal(ids.length, new Set(ids).size, 'unique');
  assert.ok(ids.every((id) => /^[a-z][A-Za-z0-9]+$/.test(id)), ids.join(' '));
  for (const name of ['createConversationGroup', 'getConversationGroupList', 'renameConversationGroup',
    'deleteConversationGroup', 'addConversationsToGroup', 'deleteConversationsFromGroup', 'getConversationList',
    'pinConversation', 'setConversationDraft', 'markConversation', 'getTotalUnreadMessageCount', 'sendMessage',
    'getMessageList', 'pickConversation', 'getConversationInfo', 'getEvents']) {
    assert.equal(typeof sdk[name], 'function', `the generated client has ${name}`);
  }
  assert.equal(spec.info.license.identifier, 'Apache-2.0');
  assert.match(spec.servers[0].url, /^https?:\/\//);
});

test('the generated client calls the service: groups, the list, a pin, a message, and a refusal', async () => {
  const world = await provision({ users: ['alice', 'bob'], groups: [{ chatId: 'sales', title: 'Sales', members: ['alice', 'bob'] }] });
  const { client } = sdk;
  const as = (user) => ({ baseUrl: world.url, headers: { Authorization: `Bearer ${world.tokens[user]}` } });
  client.setConfig(as('alice'));

  const created = await sdk.createConversationGroup({ body: { groupName: '需求研发', conversationIDList: ['GROUPsales', 'C2Cbob', 'C2Cnobody'] } });
  assert.equal(created.response.status, 201, JSON.stringify(created.error));
  assert.deepEqual(created.data.successConversationIDList.sort(), ['C2Cbob', 'GROUPsales']);
  assert.equal(created.data.failureConversationIDList[0].code, 40401);

  const renamed = await sdk.renameConversationGroup({ path: { groupName: '需求研发' }, body: { newName: 'Suppliers' } });
  assert.equal(renamed.response.status, 200, JSON.stringify(renamed.error));
  const groups = await sdk.getConversationGroupList();
  assert.deepEqual(groups.data.groupList.map((g) => [g.groupName, g.conversationCount]), [['Suppliers', 2]]);

  const pinned = await sdk.pinConversation({ path: { conversationID: 'C2Cbob' }, body: { isPinned: true } });
  assert.equal(pinned.data.isPinned, true);

  client.setConfig(as('bob'));
  const sent = await sdk.sendMessage({ path: { chatId: 'sales' }, body: { type: 'text', text: 'from a generated client' } });
  assert.equal(sent.response.status, 201, JSON.stringify(sent.error));

  client.setConfig(as('alice'));
  const list = await sdk.getConversationList({ query: { groupName: 'Suppliers' } });
  assert.deepEqual(list.data.conversationList.map((c) => c.conversationID), ['C2Cbob', 'GROUPsales']);
  const sales = list.data.conversationList[1];
  assert.equal(sales.unreadCount, 1);
  assert.equal(sales.lastMessage.text, 'from a generated client');

  const refused = await sdk.createConversationGroup({ body: { groupName: 'x'.repeat(33) } });
  assert.equal(refused.response.status, 400);
  assert.equal(refused.error.code, 51011);
  assert.ok(refused.error.message && refused.error.requestId, JSON.stringify(refused.error));

  const deleted = await sdk.deleteConversationGroup({ path: { groupName: 'Suppliers' } });
  assert.equal(deleted.response.status, 204);
  assert.deepEqual((await sdk.getConversationGroupList()).data.groupList, []);
});
