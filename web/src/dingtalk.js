// DingTalk's JSAPI shape for chats (`dd.biz.chat.*`): each call takes {…, onSuccess, onFail} and also returns a
// Promise, as dingtalk-jsapi does. The user is the one dd.config({userSig}) names, else the chat most recently
// logged in with TencentCloudChat.
import { ConversationsError, MALFORMED, NOT_LOGGED_IN, malformed, requireString } from './errors.js';
import { Http, seg } from './http.js';
import { openPicker } from './picker.js';
import { defaultServer, readClaims, sessions } from './session.js';

const settings = { server: null, userSig: null, corpId: null };
const openers = [];

function http() {
  const latest = sessions.latest;
  const token = settings.userSig || (latest && latest.token());
  if (!token) {
    throw new ConversationsError(NOT_LOGGED_IN, 'call dd.config({userSig}) or log a chat in first', 401);
  }
  const server = settings.server || (latest && !settings.userSig ? latest.server() : null) || defaultServer();
  return new Http({ server, token: () => token });
}

function ownCorp() {
  const latest = sessions.latest;
  const claims = readClaims(settings.userSig || (latest && latest.token()) || '');
  return settings.corpId || (claims && claims.corp) || null;
}

/** Runs a call the DingTalk way: onSuccess / onFail, and a Promise of the same result. */
function call(params, run) {
  const p = Promise.resolve().then(() => {
    if (params !== undefined && (params === null || typeof params !== 'object')) {
      throw malformed('params', 'an object');
    }
    return run(params || {});
  });
  p.then((result) => notify(params, 'onSuccess', result), (error) => notify(params, 'onFail', error));
  return p;
}

function notify(params, name, value) {
  if (params && typeof params[name] === 'function') {
    try {
      params[name](value);
    } catch (e) {
      console.error(`dd: ${name} threw`, e);
    }
  }
}

function corpOf(params) {
  const corpId = params.corpId === undefined || params.corpId === '' ? ownCorp() : params.corpId;
  return requireString(corpId, 'corpId');
}

// The seed passes isConfirm as the string 'true'; DingTalk's default is to confirm.
function wantsConfirm(value) {
  return !(value === false || value === 'false' || value === 0 || value === '0');
}

const picked = new Map(); // one-time cid → the caller's conversation id (for getConversationInfo / sendMessage)

async function pickConversation(params) {
  const api = http();
  const corpId = corpOf(params);
  const chat = await openPicker({ http: api, corpId, confirm: wantsConfirm(params.isConfirm),
    heading: params.title || 'Choose a chat' });
  const token = await api.post(`/v1/corps/${seg(corpId)}/chats/${seg(chat.chatId)}/pick`, {});
  picked.set(token.cid, chat.cid);
  return { cid: token.cid, title: token.title };
}

/** The picker without a confirmation: the chat the user chose. */
function choose(params) {
  return openPicker({ http: http(), corpId: corpOf(params), confirm: false, heading: params.title || 'Choose a chat' });
}

async function chooseConversationByCorpId(params) {
  const chat = await choose(params);
  return { chatId: chat.chatId, title: chat.title };
}

async function chooseConversation(params) {
  const chat = await choose(params);
  return { id: chat.cid, chatId: chat.chatId, title: chat.title };
}

async function toConversation(params) {
  const corpId = corpOf(params);
  const chatId = requireString(params.chatId, 'chatId');
  const api = http();
  const resolved = await api.get(`/v1/corps/${seg(corpId)}/chats/${seg(chatId)}`);
  const conversation = await api.get(`/v1/conversations/${seg(resolved.conversationID)}`);
  const target = { corpId, chatId: resolved.chatId, conversationID: resolved.conversationID, title: resolved.title,
    conversation };
  openers.forEach((open) => {
    try {
      open(target);
    } catch (e) {
      console.error('dd: a toConversation handler threw', e);
    }
  });
  if (typeof window !== 'undefined' && typeof CustomEvent === 'function') {
    window.dispatchEvent(new CustomEvent('conversations:toconversation', { detail: target }));
  }
  return {};
}

async function getConversationInfo(params) {
  const cid = requireString(params.cid, 'cid');
  // A picked chat's one-time cid or a conversation id: the service takes both (a cid is not used up by this).
  return http().get(`/v1/chats/${seg(cid)}/info`);
}

const MESSAGE_TYPE = { 1: 'image', 2: 'link', image: 'image', link: 'link', text: 'text' };

/**
 * Sends one message to each target: {chatId}, {cid} (a picked or conversation id), or {users: [...]} (the
 * one-to-one chat with each). type 1 is an image ({attachment: {images}}), 2 a link ({attachment: {url, title}}),
 * anything else text. Resolves {messageList}.
 */
async function sendMessage(params) {
  const api = http();
  const type = MESSAGE_TYPE[params.type] || 'text';
  const body = { type, text: typeof params.text === 'string' ? params.text : '' };
  if (type !== 'text') {
    body.attachment = params.attachment;
  }
  let chatIds;
  if (params.chatId !== undefined) {
    chatIds = [requireString(params.chatId, 'chatId')];
  } else if (params.cid !== undefined) {
    const cid = requireString(params.cid, 'cid');
    const conversation = await api.get(`/v1/conversations/${seg(picked.get(cid) || cid)}`);
    chatIds = [conversation.chatId];
  } else if (Array.isArray(params.users) && params.users.length) {
    chatIds = [];
    for (const user of params.users) {
      const conversation = await api.get(`/v1/conversations/${seg('C2C' + requireString(user, 'users[]'))}`);
      chatIds.push(conversation.chatId);
    }
  } else {
    throw new ConversationsError(MALFORMED, 'sendMessage needs chatId, cid or users', 400);
  }
  const messageList = [];
  for (const chatId of chatIds) {
    messageList.push(await api.post(`/v1/chats/${seg(chatId)}/messages`, body));
  }
  return { messageList };
}

export const dd = Object.freeze({
  /** {userSig, server?, corpId?}: the user DingTalk's calls act as (DingTalk's own fields are accepted too). */
  config(options) {
    if (!options || typeof options !== 'object') {
      throw malformed('options', 'an object');
    }
    if (options.userSig !== undefined) settings.userSig = requireString(options.userSig, 'userSig');
    if (options.server !== undefined) settings.server = requireString(options.server, 'server');
    if (options.corpId !== undefined) settings.corpId = requireString(options.corpId, 'corpId');
  },
  ready(callback) {
    Promise.resolve().then(callback);
  },
  error() {},
  biz: Object.freeze({
    chat: Object.freeze({
      pickConversation: (params) => call(params, pickConversation),
      chooseConversationByCorpId: (params) => call(params, chooseConversationByCorpId),
      chooseConversation: (params) => call(params, chooseConversation),
      toConversation: (params) => call(params, toConversation),
      getConversationInfo: (params) => call(params, getConversationInfo),
      sendMessage: (params) => call(params, sendMessage),
      /** Registers what toConversation opens: handler({corpId, chatId, conversationID, title, conversation}). */
      onToConversation(handler) {
        if (typeof handler !== 'function') {
          throw malformed('handler', 'a function');
        }
        openers.push(handler);
        let registered = true;
        // Once only: a second call must not remove another handler (indexOf -1 would take the last one).
        return () => {
          const at = openers.indexOf(handler);
          if (registered && at >= 0) {
            openers.splice(at, 1);
          }
          registered = false;
        };
      },
    }),
  }),
});
