/* Built by scripts/build.mjs; do not edit. */
export { dd, dd as default } from './conversations.mjs';
