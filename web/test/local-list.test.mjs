// The local list on its own: how each of the service's events changes it, in Node, without the service.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LocalList } from '../src/local-list.js';

function conversation(id, fields = {}) {
  return { conversationID: id, type: 'GROUP', chatId: id.slice(5), title: id, avatarIcons: [], memberCount: 2,
    unreadCount: 0, lastMessage: null, isPinned: false, groupList: [], draftText: '', customData: '',
    isHidden: false, activityAt: 100, updatedAt: 100, ...fields };
}

function listOf(conversations, groups = [], eventSeq = 10) {
  const list = new LocalList();
  list.reset(conversations, groups, eventSeq);
  return list;
}

const ids = (conversations) => conversations.map((c) => c.conversationID);

test('the visible list is pinned first, then latest activity, then the larger id; hidden ones are left out', () => {
  const list = listOf([
    conversation('GROUPa', { activityAt: 300 }),
    conversation('GROUPb', { activityAt: 100, isPinned: true }),
    conversation('GROUPc', { activityAt: 200 }),
    conversation('GROUPd', { activityAt: 200 }),
    conversation('GROUPe', { activityAt: 900, isHidden: true }),
  ]);
  assert.deepEqual(ids(list.visible()), ['GROUPb', 'GROUPa', 'GROUPd', 'GROUPc']);
});

test('a list update replaces the conversation, says which groups show it, and leaves the event data alone', () => {
  const list = listOf([conversation('GROUPa', { groupList: ['Old'] })], ['Old', 'New']);
  const next = conversation('GROUPa', { unreadCount: 3, groupList: ['New'] });
  const event = { id: 11, event: 'CONVERSATION_LIST_UPDATED', data: [next] };
  const change = list.apply(event);
  assert.equal(list.conversations.get('GROUPa').unreadCount, 3);
  assert.deepEqual(change, { list: true, groups: false, inGroups: new Set(['Old', 'New']) });
  assert.equal(list.eventSeq, 11);
  list.apply({ id: 12, event: 'CONVERSATION_GROUP_RENAMED', data: { oldName: 'New', newName: 'Newer' } });
  assert.deepEqual(next.groupList, ['New'], "the event's own conversation is not changed by later events");
});

test('a group list without a group takes it out of every conversation', () => {
  const list = listOf([conversation('GROUPa', { groupList: ['A', 'B'] }), conversation('GROUPb')], ['A', 'B']);
  const change = list.apply({ id: 11, event: 'CONVERSATION_GROUP_LIST_UPDATED', data: ['B'] });
  assert.deepEqual(list.groups, ['B']);
  assert.deepEqual(list.conversations.get('GROUPa').groupList, ['B']);
  assert.equal(change.groups, true);
  assert.equal(change.list, true);
});

test('a rename carries the group over in the group list and in its conversations', () => {
  const list = listOf([conversation('GROUPa', { groupList: ['A'] })], ['A', 'Z']);
  list.apply({ id: 11, event: 'CONVERSATION_GROUP_RENAMED', data: { oldName: 'A', newName: 'B' } });
  assert.deepEqual(list.groups, ['B', 'Z']);
  assert.deepEqual(list.conversations.get('GROUPa').groupList, ['B']);
});

test('conversations added to a group take it in the group list order; removed ones lose it', () => {
  const list = listOf([conversation('GROUPa', { groupList: ['Z'] }), conversation('GROUPb', { groupList: ['A'] })],
    ['A', 'Z']);
  const change = list.apply({ id: 11, event: 'CONVERSATION_IN_GROUP_UPDATED',
    data: { groupName: 'A', addedConversationIDList: ['GROUPa', 'GROUPunknown'], removedConversationIDList: ['GROUPb'] } });
  assert.deepEqual(list.conversations.get('GROUPa').groupList, ['A', 'Z']);
  assert.deepEqual(list.conversations.get('GROUPb').groupList, []);
  assert.deepEqual(change.inGroups, new Set(['A']));
  assert.deepEqual(ids(list.inGroup('A')), ['GROUPa']);
});

test('deleted conversations leave the list and the groups that showed them', () => {
  const list = listOf([conversation('GROUPa', { groupList: ['A'] }), conversation('GROUPb')], ['A']);
  const change = list.apply({ id: 11, event: 'CONVERSATION_DELETED', data: { conversationIDList: ['GROUPa'] } });
  assert.deepEqual(ids(list.visible()), ['GROUPb']);
  assert.deepEqual(change.inGroups, new Set(['A']));
});

test('an event of a type the SDK does not know changes nothing but the place', () => {
  const list = listOf([conversation('GROUPa')]);
  const change = list.apply({ id: 11, event: 'SOMETHING_NEW', data: {} });
  assert.deepEqual(change, { list: false, groups: false, inGroups: new Set() });
  assert.equal(list.eventSeq, 11);
  assert.deepEqual(ids(list.visible()), ['GROUPa']);
});

test('the total unread counts visible conversations only', () => {
  const list = listOf([conversation('GROUPa', { unreadCount: 2 }), conversation('GROUPb', { unreadCount: 5, isHidden: true }),
    conversation('GROUPc', { unreadCount: 1 })]);
  assert.equal(list.totalUnread(), 3);
});
