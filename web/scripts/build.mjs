// Builds dist/ from src/ with esbuild: an ES module (conversations.mjs), a file a <script> tag can load
// (conversations.js: defines the globals TencentCloudChat and dd), and the type declarations (index.d.ts).
// dist/ is committed so that the service's jar builds without Node; `--check` fails when it is out of date.
import { build } from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const check = process.argv.includes('--check');
const banner = '/* Conversations web SDK: Tencent Cloud Chat conversation calls and DingTalk dd.biz.chat, self-hosted.'
  + ' Built from web/src by scripts/build.mjs; do not edit. */';

const common = {
  entryPoints: [path.join(root, 'src/index.js')],
  bundle: true,
  write: false,
  target: 'es2022',
  charset: 'utf8',
  legalComments: 'none',
  banner: { js: banner },
  logLevel: 'warning',
};

const outputs = new Map();
const esm = await build({ ...common, format: 'esm' });
outputs.set('dist/conversations.mjs', esm.outputFiles[0].text);
const iife = await build({
  ...common,
  format: 'iife',
  globalName: 'ConversationsSDK',
  footer: { js: 'globalThis.TencentCloudChat = ConversationsSDK.TencentCloudChat; globalThis.dd = ConversationsSDK.dd;' },
});
outputs.set('dist/conversations.js', iife.outputFiles[0].text);
outputs.set('dist/index.d.ts', await readFile(path.join(root, 'src/index.d.ts'), 'utf8'));

// The vendors' package paths, for a bundler alias (docs/web.md: "Coming from Tencent's SDK or DingTalk's JSAPI"):
// @tencentcloud/lite-chat's editions and plugins, dingtalk-jsapi's default export and its per-call modules.
// Each is a few lines over conversations.mjs, so that one module instance holds the session.
const generated = '/* Built by scripts/build.mjs; do not edit. */\n';
outputs.set('dist/plugin.mjs', `${generated}// A plugin of @tencentcloud/lite-chat: chat.use() takes it and needs nothing of it.
export default {};
`);
outputs.set('dist/dingtalk.mjs', `${generated}export { dd, dd as default } from './conversations.mjs';
`);
for (const call of ['pickConversation', 'chooseConversationByCorpId', 'chooseConversation', 'toConversation',
  'getConversationInfo', 'sendMessage']) {
  outputs.set(`dist/dingtalk/api/biz/chat/${call}.mjs`, `${generated}import { dd } from '../../../../conversations.mjs';

/** dingtalk-jsapi/api/biz/chat/${call}: the call as a function of its own. */
export const ${call}$ = (params) => dd.biz.chat.${call}(params);
export default ${call}$;
`);
}

let stale = [];
for (const [file, text] of outputs) {
  const target = path.join(root, file);
  if (check) {
    const current = await readFile(target, 'utf8').catch(() => null);
    if (current !== text) {
      stale.push(file);
    }
  } else {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
  }
}
if (stale.length) {
  console.error(`out of date: ${stale.join(', ')}; run npm run build in web/ and commit dist/`);
  process.exit(1);
}
console.log(check ? 'dist/ matches src/' : `built ${[...outputs.keys()].join(', ')}`);
