// Builds Tencent's React UI kit into dist/ with esbuild, its Tencent SDK imports aliased to the Conversations
// SDK: this is the whole recipe (docs/web.md: "Coming from Tencent's SDK or DingTalk's JSAPI"). No source of the
// kit is changed.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/main.jsx'],
  bundle: true,
  outdir: 'dist',
  entryNames: 'app',
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  loader: { '.svg': 'dataurl', '.png': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl' },
  define: { 'process.env.NODE_ENV': '"production"' },
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  alias: {
    // The kit's engine imports @tencentcloud/lite-chat/basic and its /plugins/*; older code imports @tencentcloud/chat.
    '@tencentcloud/lite-chat': 'conversations-web-sdk',
    '@tencentcloud/chat': 'conversations-web-sdk',
    'dingtalk-jsapi': 'conversations-web-sdk/dingtalk',
    // Not part of the recipe: the kit's video-room engine, which the conversation list never calls (src/no-rooms.cjs).
    '@tencentcloud/tuiroom-engine-js': './src/no-rooms.cjs',
  },
});
console.log('built dist/app.js and dist/app.css');
