/* Built by scripts/build.mjs; do not edit. */
import { dd } from '../../../../conversations.mjs';

/** dingtalk-jsapi/api/biz/chat/sendMessage: the call as a function of its own. */
export const sendMessage$ = (params) => dd.biz.chat.sendMessage(params);
export default sendMessage$;
