// TencentCloudChat.EVENT and TYPES hold every name of Tencent's own runtime with its value, so that code written
// against Tencent's SDK finds each constant (before, CONV_MARK_TYPE_FOLD and _HIDE had values of their own).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Vendor from '@tencentcloud/chat';
import Ours from '../dist/conversations.mjs';

test("every EVENT and TYPES name of @tencentcloud/chat is ours with Tencent's value", () => {
  for (const [name, value] of Object.entries(Vendor.EVENT)) {
    assert.equal(Ours.EVENT[name], value, `EVENT.${name}`);
  }
  for (const [name, value] of Object.entries(Vendor.TYPES)) {
    assert.equal(Ours.TYPES[name], value, `TYPES.${name}`);
  }
  // Ours adds one event of its own and nothing else.
  assert.deepEqual(Object.keys(Ours.EVENT).filter((name) => !(name in Vendor.EVENT)), ['CONVERSATION_LIST_RELOADED']);
  assert.deepEqual(Object.keys(Ours.TYPES).filter((name) => !(name in Vendor.TYPES)), []);
});
