/* Built by scripts/build.mjs; do not edit. */
import { dd } from '../../../../conversations.mjs';

/** dingtalk-jsapi/api/biz/chat/getConversationInfo: the call as a function of its own. */
export const getConversationInfo$ = (params) => dd.biz.chat.getConversationInfo(params);
export default getConversationInfo$;
