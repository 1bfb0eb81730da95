// The alias recipe of docs/web.md ("Coming from Tencent's SDK or DingTalk's JSAPI"), run with esbuild: code that
// imports the vendors' packages, by every path their own code and Tencent's UI kits use, gets this SDK.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

test("imports of @tencentcloud/chat, @tencentcloud/lite-chat and dingtalk-jsapi resolve to this SDK's one instance", async () => {
  const app = mkdtempSync(path.join(tmpdir(), 'alias-'));
  try {
    // An app that installed this package (as `npm install conversations-web-sdk` would).
    mkdirSync(path.join(app, 'node_modules'));
    symlinkSync(web, path.join(app, 'node_modules/conversations-web-sdk'), 'dir');
    writeFileSync(path.join(app, 'main.js'), `
      import TencentCloudChat from '@tencentcloud/chat';
      import LiteChat from '@tencentcloud/lite-chat/basic';
      import Standard from '@tencentcloud/lite-chat';
      import conversationPlugin from '@tencentcloud/lite-chat/plugins/conversation';
      import groupPlugin from '@tencentcloud/lite-chat/plugins/conversation-group';
      import dd from 'dingtalk-jsapi';
      import pickConversation, { pickConversation$ } from 'dingtalk-jsapi/api/biz/chat/pickConversation';
      import toConversation from 'dingtalk-jsapi/api/biz/chat/toConversation';
      export { TencentCloudChat, LiteChat, Standard, conversationPlugin, groupPlugin, dd, pickConversation,
        pickConversation$, toConversation };
    `);
    await build({
      entryPoints: [path.join(app, 'main.js')], bundle: true, format: 'esm', platform: 'neutral',
      outfile: path.join(app, 'out.mjs'), absWorkingDir: app, logLevel: 'silent',
      alias: { '@tencentcloud/chat': 'conversations-web-sdk', '@tencentcloud/lite-chat': 'conversations-web-sdk',
        'dingtalk-jsapi': 'conversations-web-sdk/dingtalk' },
    });
    const m = await import(pathToFileURL(path.join(app, 'out.mjs')));
    assert.equal(m.TencentCloudChat.EVENT.SDK_READY, 'sdkStateReady');
    assert.equal(m.LiteChat, m.TencentCloudChat, 'one SDK, one session, whichever path imported it');
    assert.equal(m.Standard, m.TencentCloudChat);
    const chat = m.LiteChat.create({ server: 'http://127.0.0.1:9' });
    chat.use([m.conversationPlugin, m.groupPlugin]); // the kit's engine attaches its plugins so
    assert.equal(typeof m.dd.biz.chat.pickConversation, 'function');
    assert.equal(m.pickConversation, m.pickConversation$);
    // A per-call module calls the same dd: without a user it refuses as dd does.
    await assert.rejects(m.pickConversation({ corpId: 'c' }), (e) => e.code === 40101);
    await assert.rejects(m.toConversation({ corpId: 'c', chatId: 'x' }), (e) => e.code === 40101);
  } finally {
    rmSync(app, { recursive: true, force: true });
  }
});
