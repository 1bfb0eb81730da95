/* Built by scripts/build.mjs; do not edit. */
import { dd } from '../../../../conversations.mjs';

/** dingtalk-jsapi/api/biz/chat/chooseConversation: the call as a function of its own. */
export const chooseConversation$ = (params) => dd.biz.chat.chooseConversation(params);
export default chooseConversation$;
