/* Built by scripts/build.mjs; do not edit. */
import { dd } from '../../../../conversations.mjs';

/** dingtalk-jsapi/api/biz/chat/toConversation: the call as a function of its own. */
export const toConversation$ = (params) => dd.biz.chat.toConversation(params);
export default toConversation$;
