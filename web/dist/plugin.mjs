/* Built by scripts/build.mjs; do not edit. */
// A plugin of @tencentcloud/lite-chat: chat.use() takes it and needs nothing of it.
export default {};
