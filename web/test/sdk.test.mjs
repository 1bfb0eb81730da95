// The SDK against the real service: every call's success and refusal shapes, Tencent's events with Tencent's
// data, and a local list equal to a fresh GET after random changes made by a second client.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import TencentCloudChat, { dd } from '../dist/conversations.mjs';

/** What a test may reach of a chat's state (chat.js: INTERNALS). */
const INTERNALS = Symbol.for('conversations.internals');
import { breakableProxy, eventually, provision, serverState } from './support/service.mjs';

const { EVENT } = TencentCloudChat;

const chats = [];
// Every chat a test makes is logged out when the file ends, also when its test failed half-way: a chat left
// logged in keeps its event stream open and the file would hang to its time-out.
after(() => Promise.all(chats.map((chat) => chat.logout())));

function created(options) {
  const chat = TencentCloudChat.create(options);
  chats.push(chat);
  return chat;
}

async function signedIn(world, user = 'alice') {
  const chat = created({ SDKAppID: 0, server: world.url });
  const seen = [];
  for (const name of Object.values(EVENT)) {
    chat.on(name, (event) => seen.push(event));
  }
  const ready = new Promise((resolve) => chat.on(EVENT.SDK_READY, resolve));
  await chat.login({ userID: user, userSig: world.tokens[user] });
  await ready;
  return { chat, seen, of: (name) => seen.filter((e) => e.name === name) };
}

async function refusal(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  assert.fail('expected a refusal');
}

/** The SDK's list as the service shows it: ids in order, and each one's own state. */
function shapeOfLocal(conversations) {
  return conversations.map((c) => ({ id: c.conversationID, unread: c.unreadCount, pinned: c.isPinned,
    groups: c.conversationGroupList, draft: c.draftText, custom: c.customData,
    last: c.lastMessage.messageId ?? null, title: c.title }));
}

function shapeOfServer(conversations) {
  return conversations.map((c) => ({ id: c.conversationID, unread: c.unreadCount, pinned: c.isPinned,
    groups: c.groupList, draft: c.draftText, custom: c.customData,
    last: c.lastMessage ? c.lastMessage.messageId : null, title: c.title }));
}

async function assertInStep(chat, client) {
  const server = await serverState(client);
  await eventually(() => chat[INTERNALS].list.eventSeq === server.last, { what: `eventSeq ${server.last}` });
  const local = (await chat.getConversationList()).data.conversationList;
  assert.deepEqual(shapeOfLocal(local), shapeOfServer(server.list));
  assert.deepEqual((await chat.getConversationGroupList()).data, server.groups);
  for (const name of server.groups) {
    const page = await client.get(`/v1/conversations?groupName=${encodeURIComponent(name)}&count=100`);
    const inGroup = (await chat.getConversationList({ groupName: name })).data.conversationList;
    assert.deepEqual(inGroup.map((c) => c.conversationID), page.conversationList.map((c) => c.conversationID),
      `group ${name}`);
  }
}

test('login: calls before it are refused with Tencent\'s 2999; a token for another user or a refused one with 40101', async () => {
  const world = await provision({ users: ['alice', 'bob'] });
  const chat = created({ SDKAppID: 0, server: world.url });
  const early = await refusal(chat.getConversationGroupList());
  assert.equal(early.code, 2999);
  assert.deepEqual(early.data, { status: 401 });
  const wrongUser = await refusal(chat.login({ userID: 'bob', userSig: world.tokens.alice }));
  assert.equal(wrongUser.code, 40101);
  // A character of the signature's middle changed: the last one carries two unused bits, and the service
  // accepts a signature in its one spelling only (a change there is refused too, but says less).
  const token = world.tokens.alice;
  const at = token.lastIndexOf('.') + 10;
  const forged = token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
  const bad = await refusal(chat.login({ userID: 'alice', userSig: forged }));
  assert.equal(bad.code, 40101);
  const malformed = await refusal(chat.login({ userID: 'alice' }));
  assert.equal(malformed.code, 40001);
  const ready = new Promise((resolve) => chat.on(TencentCloudChat.EVENT.SDK_READY, resolve));
  const ok = await chat.login({ userID: 'alice', userSig: world.tokens.alice });
  assert.deepEqual(ok, { code: 0, data: { repeatLogin: false } });
  await ready;
  assert.equal(chat.isReady(), true);
  // Tencent's error object: code, message and data (here the HTTP status of the service's refusal).
  const missing = await refusal(chat.getConversationProfile('C2Cnobody'));
  assert.equal(missing.code, 40401);
  assert.equal(typeof missing.message, 'string');
  assert.equal(missing.data.status, 404);
  await chat.logout();
  assert.equal(chat.isReady(), false);
  assert.equal((await refusal(chat.getConversationList())).code, 2999);
});

test('login resolves, then SDK_READY, then the list, the total unread and the groups, as Tencent\'s SDK raises them', async () => {
  const world = await provision({ users: ['alice', 'bob'],
    groups: [{ chatId: 'ops', title: 'Ops', members: ['alice', 'bob'] }] });
  await world.as('bob').post('/v1/chats/ops/messages', { type: 'text', text: 'before login' }, 201);
  await world.as('alice').post('/v1/conversation-groups', { groupName: 'Work', conversationIDList: ['GROUPops'] }, 201);
  const chat = created({ SDKAppID: 0, server: world.url });
  const order = [];
  const { EVENT: E } = TencentCloudChat;
  let readyBeforeEvent = null;
  for (const name of [E.SDK_READY, E.CONVERSATION_LIST_UPDATED, E.TOTAL_UNREAD_MESSAGE_COUNT_UPDATED,
    E.CONVERSATION_GROUP_LIST_UPDATED]) {
    chat.on(name, (event) => {
      order.push({ name: event.name, data: event.data });
      readyBeforeEvent ??= chat.isReady();
    });
  }
  const all = new Promise((resolve) => chat.on(E.CONVERSATION_GROUP_LIST_UPDATED, resolve));
  await chat.login({ userID: 'alice', userSig: world.tokens.alice });
  order.push({ name: 'login resolved' });
  // Tencent's UI kit awaits login() and only then waits for SDK_READY: it must come after.
  assert.equal(chat.isReady(), false);
  await all;
  assert.deepEqual(order.map((e) => e.name), ['login resolved', E.SDK_READY, E.CONVERSATION_LIST_UPDATED,
    E.TOTAL_UNREAD_MESSAGE_COUNT_UPDATED, E.CONVERSATION_GROUP_LIST_UPDATED]);
  assert.equal(readyBeforeEvent, true);
  assert.deepEqual(order[2].data.map((c) => [c.conversationID, c.unreadCount]), [['GROUPops', 1], ['C2Cbob', 0]]);
  assert.equal(order[3].data, 1);
  assert.deepEqual(order[4].data, ['Work']);
  // Tencent's Conversation fields with its defaults: a conversation without a message has a lastMessage object.
  const [ops, bob] = order[2].data;
  assert.equal(ops.subType, TencentCloudChat.TYPES.GRP_WORK);
  assert.equal(ops.groupProfile.type, TencentCloudChat.TYPES.GRP_WORK);
  assert.equal(ops.toAccount, 'ops');
  assert.equal(bob.toAccount, 'bob');
  assert.equal(ops.lastMessage.lastSequence, ops.lastMessage.messageId);
  assert.deepEqual({ ...bob.lastMessage }, { lastTime: 0, lastSequence: 0, fromAccount: '', messageForShow: '',
    payload: null, type: '', isRevoked: false, cloudCustomData: '', onlineOnlyFlag: false, nick: '', nameCard: '',
    version: 0, isPeerRead: false, revoker: null });
  assert.equal(bob.peerReadTime, 0);
  // A logout before a login's SDK_READY drops it.
  const other = created({ SDKAppID: 0, server: world.url });
  let late = 0;
  other.on(E.SDK_READY, () => { late += 1; });
  await other.login({ userID: 'bob', userSig: world.tokens.bob });
  await other.logout();
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(late, 0);
});

test('the group calls of seed 004 answer with its fields and refuse with its codes', async () => {
  const world = await provision({ users: ['alice', 'bob', 'carol'],
    groups: [{ chatId: 'test', title: 'Test', members: ['alice', 'bob'] }] });
  const { chat, of } = await signedIn(world);
  assert.equal(of(EVENT.SDK_READY).length, 1);

  const created = await chat.createConversationGroup({ groupName: 'Suppliers',
    conversationIDList: ['GROUPtest', 'C2Cbob', 'GROUPnope'] });
  assert.equal(created.code, 0);
  assert.deepEqual(created.data.successConversationIDList, ['GROUPtest', 'C2Cbob']);
  assert.deepEqual(created.data.failureConversationIDList.map((f) => [f.conversationID, f.code]), [['GROUPnope', 40401]]);
  assert.equal(typeof created.data.failureConversationIDList[0].message, 'string');
  // The call's events are applied before it resolves: the list already shows the group.
  const inGroup = (await chat.getConversationList({ groupName: 'Suppliers' })).data.conversationList;
  assert.deepEqual(inGroup.map((c) => c.conversationID).sort(), ['C2Cbob', 'GROUPtest']);
  assert.deepEqual(of(EVENT.CONVERSATION_GROUP_LIST_UPDATED).at(-1).data, ['Suppliers']);
  const inGroupEvent = of(EVENT.CONVERSATION_IN_GROUP_UPDATED).at(-1);
  assert.equal(inGroupEvent.data.groupName, 'Suppliers');
  assert.deepEqual(inGroupEvent.data.conversationList.map((c) => c.conversationID).sort(), ['C2Cbob', 'GROUPtest']);
  const listEvent = of(EVENT.CONVERSATION_LIST_UPDATED).at(-1);
  assert.deepEqual(listEvent.data.find((c) => c.conversationID === 'GROUPtest').conversationGroupList, ['Suppliers']);

  assert.equal((await refusal(chat.createConversationGroup({ groupName: 'Suppliers', conversationIDList: [] }))).code, 40901);
  assert.equal((await refusal(chat.createConversationGroup({ groupName: 'x'.repeat(33), conversationIDList: [] }))).code, 51011);
  assert.equal((await refusal(chat.createConversationGroup({ groupName: 'a\u0007b', conversationIDList: [] }))).code, 40002);
  assert.equal((await refusal(chat.createConversationGroup({ groupName: 42 }))).code, 40001);

  const list = await chat.getConversationGroupList();
  assert.deepEqual(list, { code: 0, data: ['Suppliers'] });

  const renamed = await chat.renameConversationGroup({ oldName: 'Suppliers', newName: '需求研发' });
  assert.deepEqual(renamed.data, { oldName: 'Suppliers', newName: '需求研发' });
  assert.deepEqual((await chat.getConversationGroupList()).data, ['需求研发']);
  assert.deepEqual((await chat.getConversationList(['GROUPtest'])).data.conversationList[0].conversationGroupList, ['需求研发']);
  assert.equal((await refusal(chat.renameConversationGroup({ oldName: 'Suppliers', newName: 'X' }))).code, 51009);
  await chat.createConversationGroup({ groupName: 'Other', conversationIDList: [] });
  assert.equal((await refusal(chat.renameConversationGroup({ oldName: 'Other', newName: '需求研发' }))).code, 40901);

  const added = await chat.addConversationsToGroup({ groupName: 'Other', conversationIDList: ['C2Ccarol', 'C2Cnobody'] });
  assert.deepEqual(added.data.successConversationIDList, ['C2Ccarol']);
  assert.deepEqual(added.data.failureConversationIDList.map((f) => f.code), [40401]);
  assert.equal(of(EVENT.CONVERSATION_IN_GROUP_UPDATED).at(-1).data.groupName, 'Other');
  assert.equal((await refusal(chat.addConversationsToGroup({ groupName: 'Missing', conversationIDList: ['C2Ccarol'] }))).code, 51009);
  assert.equal((await refusal(chat.addConversationsToGroup({ groupName: 'Other', conversationIDList: [] }))).code, 51006);

  const removed = await chat.deleteConversationsFromGroup({ groupName: 'Other', conversationIDList: ['C2Ccarol'] });
  assert.deepEqual(removed.data.successConversationIDList, ['C2Ccarol']);
  assert.deepEqual((await chat.getConversationList({ groupName: 'Other' })).data.conversationList, []);

  await chat.deleteConversationGroup('Other');
  assert.deepEqual((await chat.getConversationGroupList()).data, ['需求研发']);
  assert.equal((await refusal(chat.deleteConversationGroup('Other'))).code, 51009);
  assert.equal((await refusal(chat.getConversationList({ groupName: 'Other' }))).code, 51009);

  for (let i = 1; i < 20; i++) {
    await chat.createConversationGroup({ groupName: `g${i}`, conversationIDList: [] });
  }
  assert.equal((await refusal(chat.createConversationGroup({ groupName: 'g20', conversationIDList: [] }))).code, 51010);
  await assertInStep(chat, world.as('alice'));
  await chat.logout();
});

test('conversation calls: pin, draft, custom data, read, hide, profile and the unread total', async () => {
  const world = await provision({ users: ['alice', 'bob'],
    groups: [{ chatId: 'ops', title: 'Ops', members: ['alice', 'bob'] }] });
  const { chat, of } = await signedIn(world);
  await world.as('bob').post('/v1/chats/ops/messages', { type: 'text', text: 'hello' }, 201);
  await eventually(() => chat.getTotalUnreadMessageCount() === 1, { what: 'the message to arrive live' });
  assert.equal(of(EVENT.TOTAL_UNREAD_MESSAGE_COUNT_UPDATED).at(-1).data, 1);
  const ops = (await chat.getConversationProfile('GROUPops')).data.conversation;
  assert.equal(ops.type, TencentCloudChat.TYPES.CONV_GROUP);
  assert.equal(ops.groupProfile.groupID, 'ops');
  assert.equal(ops.groupProfile.name, 'Ops');
  assert.equal(ops.lastMessage.messageForShow, 'hello');
  assert.equal(ops.lastMessage.fromAccount, 'bob');
  const c2c = (await chat.getConversationProfile('C2Cbob')).data.conversation;
  assert.equal(c2c.userProfile.userID, 'bob');
  assert.equal(c2c.userProfile.nick, 'Nick bob');

  assert.deepEqual((await chat.pinConversation({ conversationID: 'C2Cbob', isPinned: true })).data, { conversationID: 'C2Cbob' });
  assert.equal((await chat.getConversationList()).data.conversationList[0].conversationID, 'C2Cbob');
  assert.equal((await refusal(chat.pinConversation({ conversationID: 'C2Cbob', isPinned: 'yes' }))).code, 40001);
  assert.equal((await refusal(chat.pinConversation({ conversationID: 'C2Cnobody', isPinned: true }))).code, 40401);

  const drafted = await chat.setConversationDraft({ conversationID: 'GROUPops', draftText: 'half a thought' });
  assert.equal(drafted.data.conversation.conversationID, 'GROUPops', 'Tencent resolves {conversation}');
  assert.equal(drafted.data.conversation.draftText, 'half a thought');
  assert.equal((await chat.getConversationList(['GROUPops'])).data.conversationList[0].draftText, 'half a thought');

  const custom = await chat.setConversationCustomData({ conversationIDList: ['GROUPops', 'C2Cnobody'], customData: 'x=1' });
  assert.deepEqual(custom.data.successConversationIDList, ['GROUPops']);
  assert.deepEqual(custom.data.failureConversationIDList.map((f) => f.code), [40401]);
  const tooLong = await chat.setConversationCustomData({ conversationIDList: ['GROUPops'], customData: 'x'.repeat(257) });
  assert.deepEqual(tooLong.data.failureConversationIDList.map((f) => f.code), [40001]);
  assert.equal((await chat.getConversationList(['GROUPops'])).data.conversationList[0].customData, 'x=1');

  await chat.setMessageRead({ conversationID: 'GROUPops' });
  assert.equal(chat.getTotalUnreadMessageCount(), 0);
  assert.equal(of(EVENT.TOTAL_UNREAD_MESSAGE_COUNT_UPDATED).at(-1).data, 0);

  const hidden = await chat.deleteConversation('GROUPops');
  assert.deepEqual(hidden.data, { conversationID: 'GROUPops' });
  assert.deepEqual((await chat.getConversationList()).data.conversationList.map((c) => c.conversationID), ['C2Cbob']);
  // New activity brings it back, live.
  await world.as('bob').post('/v1/chats/ops/messages', { type: 'text', text: 'back' }, 201);
  await eventually(async () => (await chat.getConversationList()).data.conversationList.length === 2,
    { what: 'the hidden conversation to come back' });

  const message = chat.createTextMessage({ to: 'bob', conversationType: TencentCloudChat.TYPES.CONV_C2C,
    payload: { text: 'hi bob' } });
  const sent = await chat.sendMessage(message);
  assert.equal(sent.data.message.text, 'hi bob');
  assert.equal((await chat.getConversationList(['C2Cbob'])).data.conversationList[0].lastMessage.messageForShow, 'hi bob');
  await assertInStep(chat, world.as('alice'));
  await chat.logout();
});

test('marks, do-not-disturb, a cleared history and read-all, as Tencent\'s calls', async () => {
  const world = await provision({ users: ['alice', 'bob'],
    groups: [{ chatId: 'ops', title: 'Ops', members: ['alice', 'bob'] },
      { chatId: 'dev', title: 'Dev', members: ['alice', 'bob'] }] });
  const { chat, of } = await signedIn(world);
  const { TYPES } = TencentCloudChat;
  const marked = await chat.markConversation({ conversationIDList: ['GROUPops', 'C2Cnobody'],
    markType: TYPES.CONV_MARK_TYPE_STAR, enableMark: true });
  assert.deepEqual(marked.data.successConversationIDList, ['GROUPops']);
  assert.deepEqual(marked.data.failureConversationIDList.map((f) => f.code), [40401]);
  const starred = (await chat.getConversationList({ markType: TYPES.CONV_MARK_TYPE_STAR })).data.conversationList;
  assert.deepEqual(starred.map((c) => [c.conversationID, c.markList]), [['GROUPops', [1]]]);
  assert.equal((await refusal(chat.markConversation({ conversationIDList: ['GROUPops'], markType: 0,
    enableMark: true }))).code, 40001);

  await chat.setMessageRemindType({ groupID: 'dev', messageRemindType: TYPES.MSG_REMIND_ACPT_NOT_NOTE });
  await world.as('bob').post('/v1/chats/dev/messages', { type: 'text', text: 'muted' }, 201);
  await world.as('bob').post('/v1/chats/ops/messages', { type: 'text', text: 'loud' }, 201);
  await eventually(async () => (await chat.getConversationList({ hasUnreadCount: true })).data.conversationList
    .length === 2, { what: 'both messages to arrive live' });
  const dev = (await chat.getConversationProfile('GROUPdev')).data.conversation;
  assert.equal(dev.messageRemindType, TYPES.MSG_REMIND_ACPT_NOT_NOTE);
  assert.equal(dev.unreadCount, 1);
  assert.equal(chat.getTotalUnreadMessageCount(), 1, 'the muted conversation is left out of the total');
  const total = await world.as('alice').get('/v1/conversations/unread-total');
  assert.equal(total.totalUnreadCount, 1, 'as the service counts it');

  await chat.clearHistoryMessage('GROUPops');
  const ops = (await chat.getConversationProfile('GROUPops')).data.conversation;
  assert.equal(ops.unreadCount, 0);
  assert.equal(ops.lastMessage.messageForShow, '');
  assert.equal(ops.lastMessage.lastTime, 0);
  assert.equal((await world.as('alice').get('/v1/chats/ops/messages')).messageList.length, 0);

  await chat.setAllMessageRead({ scope: TYPES.READ_ALL_MSG });
  assert.equal((await chat.getConversationList({ hasUnreadCount: true })).data.conversationList.length, 0);
  assert.equal(of(EVENT.TOTAL_UNREAD_MESSAGE_COUNT_UPDATED).at(-1).data, 0);

  const kept = await chat.deleteConversation({ conversationIDList: ['GROUPdev'], clearHistoryMessage: false });
  assert.deepEqual(kept.data.successConversationIDList, ['GROUPdev']);
  assert.equal((await world.as('alice').get('/v1/chats/dev/messages')).messageList.length, 1);
  await world.as('bob').post('/v1/chats/dev/messages', { type: 'text', text: 'again' }, 201);
  await eventually(async () => (await chat.getConversationList(['GROUPdev'])).data.conversationList.length === 1,
    { what: 'new activity to bring it back' });
  await chat.deleteConversation('GROUPdev');
  assert.equal((await world.as('alice').get('/v1/chats/dev/messages')).messageList.length, 0,
    'deleteConversation clears the history by default, as Tencent\'s does');
  await assertInStep(chat, world.as('alice'));
  await chat.logout();
});

test('a write the service applied resolves even when the catch-up after it fails; the failure is an ERROR event', async () => {
  const world = await provision({ users: ['alice'], groups: [{ chatId: 'ops', title: 'Ops', members: ['alice'] }] });
  let failCatchUp = false;
  const fetchImpl = (url, init) => {
    const accept = (init && init.headers && (init.headers.Accept || init.headers.accept)) || '';
    if (failCatchUp && String(url).includes('/v1/events?after=') && !accept.includes('text/event-stream')) {
      return Promise.reject(new TypeError('network down for the catch-up'));
    }
    return globalThis.fetch(url, init);
  };
  const chat = created({ SDKAppID: 0, server: world.url, fetch: fetchImpl });
  chats.push(chat);
  const errors = [];
  chat.on(EVENT.ERROR, (event) => errors.push(event));
  await chat.login({ userID: 'alice', userSig: world.tokens.alice });
  failCatchUp = true;
  const pinned = await chat.pinConversation({ conversationID: 'GROUPops', isPinned: true });
  assert.deepEqual(pinned.data, { conversationID: 'GROUPops' });
  assert.equal((await world.as('alice').get('/v1/conversations/GROUPops')).isPinned, true);
  assert.equal(errors.length, 1, 'one ERROR event for the failed catch-up');
  failCatchUp = false;
  await eventually(async () => (await chat.getConversationList(['GROUPops'])).data.conversationList[0].isPinned,
    { what: 'the stream to bring the pin' });
  await chat.logout();
});

test('the local list equals a fresh GET after 120 random changes made by another client, the backend and peers', async () => {
  const users = ['alice', 'bob', 'carol', 'dave', 'erin'];
  const groups = Array.from({ length: 8 }, (_, i) => ({ chatId: `room${i}`, title: `Room ${i}`,
    members: users.filter((_, j) => (i + j) % 3 !== 0 || j === 0) }));
  const world = await provision({ users, groups });
  const { chat, of } = await signedIn(world);
  const other = world.as('alice'); // the same user in another tab
  let seed = 7;
  const random = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const ids = () => [...groups.map((g) => `GROUP${g.chatId}`), ...users.slice(1).map((u) => `C2C${u}`)];
  const pickIds = () => ids().filter(() => random(3) === 0);
  const groupNames = ['Suppliers', '需求研发', 'Family', 'Ops'];
  let renames = 0;
  for (let step = 0; step < 120; step++) {
    const names = (await other.get('/v1/conversation-groups')).groupList.map((g) => g.groupName);
    const some = names.length ? names[random(names.length)] : null;
    const id = ids()[random(ids().length)];
    const room = groups[random(groups.length)];
    switch (random(11)) {
      case 0: await other.call('POST', '/v1/conversation-groups',
        { groupName: groupNames[random(groupNames.length)] + random(3), conversationIDList: pickIds() }).catch(() => {}); break;
      case 1: if (some) await other.call('PATCH', `/v1/conversation-groups/${encodeURIComponent(some)}`,
        { newName: `R${renames++}` }).catch(() => {}); break;
      case 2: if (some && random(2)) await other.call('DELETE', `/v1/conversation-groups/${encodeURIComponent(some)}`); break;
      case 3: if (some) await other.call('POST', `/v1/conversation-groups/${encodeURIComponent(some)}/conversations`,
        { conversationIDList: pickIds().length ? pickIds() : [id] }).catch(() => {}); break;
      case 4: if (some) await other.call('DELETE', `/v1/conversation-groups/${encodeURIComponent(some)}/conversations`,
        { conversationIDList: [id] }).catch(() => {}); break;
      case 5: await world.as(room.members[1 + random(room.members.length - 1)] || 'alice')
        .call('POST', `/v1/chats/${room.chatId}/messages`, { type: 'text', text: `m${step}` }).catch(() => {}); break;
      case 6: await other.call('PUT', `/v1/conversations/${id}/pin`, { isPinned: random(2) === 0 }).catch(() => {}); break;
      case 7: await other.call('PUT', `/v1/conversations/${id}/draft`, { draftText: `d${step}` }).catch(() => {}); break;
      case 8: await other.call(random(2) ? 'POST' : 'DELETE', `/v1/conversations/${id}${random(2) ? '/read' : ''}`)
        .catch(() => {}); break;
      case 9: await world.admin.call(random(2) ? 'DELETE' : 'PUT',
        `/v1/admin/corps/${world.corpId}/chats/${room.chatId}/members/alice`).catch(() => {}); break;
      default: await chat.setConversationCustomData({ conversationIDList: [id], customData: `c${step}` }).catch(() => {});
    }
    if (step % 40 === 39) {
      await assertInStep(chat, other);
    }
  }
  await assertInStep(chat, other);
  assert.ok(of(EVENT.CONVERSATION_GROUP_LIST_UPDATED).length > 0);
  assert.ok(of(EVENT.CONVERSATION_IN_GROUP_UPDATED).length > 0);
  await chat.logout();
});

test('a broken connection is resumed where it was; an unknown place gets RESYNC, a reload, and says so', async () => {
  const world = await provision({ users: ['alice', 'bob'], groups: [{ chatId: 'r', title: 'R', members: ['alice', 'bob'] }] });
  const { chat, of } = await signedIn(world);
  const states = () => of(EVENT.NET_STATE_CHANGE).map((e) => e.data.state);
  await eventually(() => states().includes('connected'), { what: 'the stream to connect' });
  // More breaks than a user may hold streams (5): each gone connection gives its slot back at once.
  for (let i = 0; i < 7; i++) {
    chat[INTERNALS].reader.reconnect();
    await world.as('bob').post('/v1/chats/r/messages', { type: 'text', text: `while away ${i}` }, 201);
  }
  await eventually(() => chat.getTotalUnreadMessageCount() === 7, { what: 'every message after the breaks' });
  assert.ok(chat[INTERNALS].reader.connects >= 2, `reconnected (${chat[INTERNALS].reader.connects} connects)`);
  assert.ok(states().filter((s) => s === 'connecting').length >= 2);
  await assertInStep(chat, world.as('alice'));

  // A place the service never gave: it answers RESYNC, the SDK reloads and raises CONVERSATION_LIST_RELOADED.
  chat[INTERNALS].list.eventSeq += 1000;
  chat[INTERNALS].reader.reconnect();
  await eventually(() => of(EVENT.CONVERSATION_LIST_RELOADED).length === 1, { what: 'the reload' });
  await world.as('bob').post('/v1/chats/r/messages', { type: 'text', text: 'after the reload' }, 201);
  await eventually(() => chat.getTotalUnreadMessageCount() === 8, { what: 'live events after the reload' });
  await assertInStep(chat, world.as('alice'));
  await chat.logout();
});

test('when the network drops every connection, the stream comes back by itself and misses nothing', async () => {
  const world = await provision({ users: ['alice', 'bob'], groups: [{ chatId: 'n', title: 'N', members: ['alice', 'bob'] }] });
  const proxy = await breakableProxy(world.url);
  const chat = created({ SDKAppID: 0, server: proxy.url });
  chats.push(chat);
  await chat.login({ userID: 'alice', userSig: world.tokens.alice });
  await eventually(() => chat[INTERNALS].reader.state === 'connected', { what: 'the stream to connect' });
  for (let i = 0; i < 3; i++) {
    assert.ok(proxy.cut() > 0, 'the stream was cut');
    await world.as('bob').post('/v1/chats/n/messages', { type: 'text', text: `during the outage ${i}` }, 201);
    await world.as('alice').post('/v1/conversation-groups', { groupName: `While away ${i}`, conversationIDList: ['GROUPn'] }, 201);
    await eventually(() => chat[INTERNALS].reader.state === 'connected' && chat[INTERNALS].reader.connects === i + 2,
      { what: `reconnect ${i + 1}`, timeoutMs: 10000 });
  }
  await assertInStep(chat, world.as('alice'));
  assert.equal(chat.getTotalUnreadMessageCount(), 3);
  assert.deepEqual((await chat.getConversationList(['GROUPn'])).data.conversationList[0].conversationGroupList,
    ['While away 0', 'While away 1', 'While away 2']);
  await chat.logout();
  await proxy.close();
});

test('a token that stops being accepted ends the stream with KICKED_OUT', async () => {
  const world = await provision({ users: ['alice'] });
  const short = (await world.admin.post('/v1/admin/tokens', { corpId: world.corpId, userId: 'alice', ttlSeconds: 2 })).token;
  const chat = created({ SDKAppID: 0, server: world.url });
  const kicked = [];
  chat.on(EVENT.KICKED_OUT, (e) => kicked.push(e));
  await chat.login({ userID: 'alice', userSig: short });
  await new Promise((r) => setTimeout(r, 2500));
  chat[INTERNALS].reader.reconnect();
  await eventually(() => kicked.length === 1, { what: 'KICKED_OUT', timeoutMs: 8000 });
  assert.equal(kicked[0].data.code, 40101);
  assert.equal(chat.isReady(), false);
});

test("dd.biz.chat.onToConversation: an unsubscribe called twice removes its own handler only", async () => {
  const world = await provision({ users: ['alice', 'bob'],
    groups: [{ chatId: 'ops', title: 'Ops', members: ['alice', 'bob'] }] });
  dd.config({ userSig: world.tokens.alice, server: world.url, corpId: world.corpId });
  const opened = [];
  const first = dd.biz.chat.onToConversation((target) => opened.push(['first', target.conversationID]));
  const second = dd.biz.chat.onToConversation((target) => opened.push(['second', target.conversationID]));
  first();
  first(); // before, this took the second handler off (indexOf -1 spliced the last one)
  await dd.biz.chat.toConversation({ corpId: world.corpId, chatId: 'ops' });
  assert.deepEqual(opened, [['second', 'GROUPops']]);
  second();
});
