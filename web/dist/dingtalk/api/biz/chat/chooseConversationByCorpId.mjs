/* Built by scripts/build.mjs; do not edit. */
import { dd } from '../../../../conversations.mjs';

/** dingtalk-jsapi/api/biz/chat/chooseConversationByCorpId: the call as a function of its own. */
export const chooseConversationByCorpId$ = (params) => dd.biz.chat.chooseConversationByCorpId(params);
export default chooseConversationByCorpId$;
