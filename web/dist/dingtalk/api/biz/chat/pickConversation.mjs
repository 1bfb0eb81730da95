/* Built by scripts/build.mjs; do not edit. */
import { dd } from '../../../../conversations.mjs';

/** dingtalk-jsapi/api/biz/chat/pickConversation: the call as a function of its own. */
export const pickConversation$ = (params) => dd.biz.chat.pickConversation(params);
export default pickConversation$;
