// Builds dist/ from src/ with esbuild: an ES module (conversations.mjs), a file a <script> tag can load
// (conversations.js: defines the globals TencentCloudChat and dd), and the type declarations (index.d.ts).
// dist/ is committed so that the service's jar builds without Node; `--check` fails when it is out of date.
import { build } from 'esbuild';
import { readFile, writeFile } from 'node:fs/promises';
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

let stale = [];
for (const [file, text] of outputs) {
  const target = path.join(root, file);
  if (check) {
    const current = await readFile(target, 'utf8').catch(() => null);
    if (current !== text) {
      stale.push(file);
    }
  } else {
    await writeFile(target, text);
  }
}
if (stale.length) {
  console.error(`out of date: ${stale.join(', ')}; run npm run build in web/ and commit dist/`);
  process.exit(1);
}
console.log(check ? 'dist/ matches src/' : `built ${[...outputs.keys()].join(', ')}`);
