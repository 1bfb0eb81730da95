// The Conversations web SDK: Tencent Cloud Chat's conversation calls (TencentCloudChat) and DingTalk's chat calls
// (dd.biz.chat), against a self-hosted Conversations service. Loaded by a <script> tag (dist/conversations.js)
// it defines the globals TencentCloudChat and dd; as a module it exports them.
export { TencentCloudChat, ChatSDK, EVENT, TYPES } from './chat.js';
export { dd } from './dingtalk.js';
export { ConversationsError } from './errors.js';
export { TencentCloudChat as default } from './chat.js';
