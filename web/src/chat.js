// Tencent Cloud Chat's web SDK shape (`TencentCloudChat.create`, `chat.login`, `chat.on`, the conversation and
// conversation-group calls) over the Conversations service: the API surface. The user's list is held locally
// (ListSync over a LocalList, kept right by the event stream) and Tencent's events are raised from it.
import { Emitter } from './emitter.js';
import {
  ConversationsError, NETWORK_ERROR, NOT_LOGGED_IN, SDK_IS_NOT_READY, UNREACHABLE,
  malformed, requireIdList, requireString,
} from './errors.js';
import { Http, seg } from './http.js';
import { EventStreamReader } from './stream.js';
import { defaultServer, readClaims, sessions } from './session.js';
import { ListSync } from './sync.js';
import { TENCENT_EVENT, TENCENT_TYPES } from './tencent-constants.js';
import { toTencent } from './tencent.js';

export const EVENT = Object.freeze({
  ...TENCENT_EVENT,
  // Not in Tencent's SDK: the service no longer held this client's place in the log, so the SDK reloaded the
  // list (data: {last}); the list and group events that follow carry the reloaded state.
  CONVERSATION_LIST_RELOADED: 'onConversationListReloaded',
});

export const TYPES = Object.freeze({ ...TENCENT_TYPES });

const ok = (data) => ({ code: 0, data });

/**
 * What tests and diagnostics may reach of a chat: `chat[INTERNALS]` is `{list, reader}` (the local list and the
 * event stream's reader). Nothing else of a chat's state is reachable from outside it.
 */
export const INTERNALS = Symbol.for('conversations.internals');

export class ChatSDK {
  #http;
  #userSig = null;
  #userID = null;
  #corpId = null;
  #events = new Emitter();
  #sync;
  /** The list is loaded: calls may run. */
  #loaded = false;
  /** SDK_READY was raised (after login() resolved, as Tencent's SDK does): changes are announced. */
  #ready = false;
  /** Counts logins and logouts, so that a login's pending SDK_READY is dropped when another came after. */
  #generation = 0;
  #loggingIn = null;
  #reader = null;
  #messageDrafts = 0;
  /** What DingTalk's calls see of this chat when it is the latest logged in (session.js). */
  #view = { token: () => this.#userSig, server: () => this.#http.server };

  constructor(options = {}) {
    if (options.server !== undefined && typeof options.server !== 'string') {
      throw malformed('server', 'the service URL, e.g. https://conversations.example.com');
    }
    this.#http = new Http({ server: options.server || defaultServer(), token: () => this.#userSig,
      fetchImpl: options.fetch });
    this.#sync = new ListSync({
      http: this.#http,
      onChange: (change, unreadBefore) => this.#announce(change, unreadBefore),
      onReloaded: (last) => this.#events.emit(EVENT.CONVERSATION_LIST_RELOADED, { last }),
    });
  }

  get [INTERNALS]() {
    return { list: this.#sync.list, reader: this.#reader };
  }

  // ---- session ---------------------------------------------------------------------------------------

  /**
   * Signs in with the user's token as `userSig`: loads the list and opens the event stream. As in Tencent's SDK,
   * login() resolves first; SDK_READY follows, then CONVERSATION_LIST_UPDATED, TOTAL_UNREAD_MESSAGE_COUNT_UPDATED
   * and CONVERSATION_GROUP_LIST_UPDATED with what was loaded (code written in Tencent's event-driven style shows
   * the list from them). Calls made after login() resolved and before SDK_READY run.
   */
  login(options) {
    const run = async () => {
      if (!options || typeof options !== 'object') {
        throw malformed('options', 'an object {userID, userSig}');
      }
      const userID = requireString(options.userID, 'userID');
      const userSig = requireString(options.userSig, 'userSig');
      const claims = readClaims(userSig);
      if (!claims || claims.sub !== userID) {
        throw new ConversationsError(NOT_LOGGED_IN, 'userSig is not a token issued for userID ' + userID, 401);
      }
      if (this.#userSig === userSig && this.#loaded) {
        return ok({ repeatLogin: true });
      }
      this.#unload();
      const generation = this.#generation;
      this.#userSig = userSig;
      this.#userID = userID;
      this.#corpId = claims.corp;
      try {
        await this.#sync.serially(() => this.#sync.reload(false));
      } catch (e) {
        this.#userSig = null;
        this.#userID = null;
        throw e;
      }
      this.#reader = new EventStreamReader({
        http: this.#http,
        lastId: () => this.#sync.list.eventSeq,
        onEvent: (event) => this.#sync.serially(() => this.#sync.receive([event])),
        onState: (state) => this.#events.emit(EVENT.NET_STATE_CHANGE, { state }),
        onFatal: (error) => this.#kickedOut(error),
        onError: (error) => this.#events.emit(EVENT.ERROR,
          { code: error.code, message: error.message, data: { during: 'stream' } }),
      });
      this.#reader.start();
      this.#loaded = true;
      sessions.latest = this.#view;
      setTimeout(() => this.#becomeReady(generation), 0);
      return ok({ repeatLogin: false });
    };
    this.#loggingIn = run().finally(() => {
      this.#loggingIn = null;
    });
    return this.#loggingIn;
  }

  logout() {
    this.#unload();
    this.#userSig = null;
    this.#userID = null;
    this.#corpId = null;
    this.#sync.list.reset([], [], 0);
    if (sessions.latest === this.#view) {
      sessions.latest = null;
    }
    return Promise.resolve(ok({}));
  }

  /** Stops the stream and forgets the session's state; SDK_NOT_READY when SDK_READY had been raised. */
  #unload() {
    this.#stop();
    this.#generation += 1;
    this.#loaded = false;
    const wasReady = this.#ready;
    this.#ready = false;
    if (wasReady) {
      this.#events.emit(EVENT.SDK_NOT_READY, {});
    }
  }

  /** SDK_READY, then what was loaded, as Tencent's SDK raises them after a login (unless a logout came first). */
  #becomeReady(generation) {
    if (generation !== this.#generation || !this.#loaded) {
      return;
    }
    this.#ready = true;
    const list = this.#sync.list;
    this.#events.emit(EVENT.SDK_READY, {});
    this.#events.emit(EVENT.CONVERSATION_LIST_UPDATED, list.visible().map(toTencent));
    this.#events.emit(EVENT.TOTAL_UNREAD_MESSAGE_COUNT_UPDATED, list.totalUnread());
    this.#events.emit(EVENT.CONVERSATION_GROUP_LIST_UPDATED, [...list.groups]);
  }

  /** Tencent's `destroy`: logs out and forgets every listener. */
  destroy() {
    return this.logout().then((r) => {
      this.#events.clear();
      return r;
    });
  }

  isReady() {
    return this.#ready;
  }

  getLoginUser() {
    return this.#userID || '';
  }

  #stop() {
    this.#reader?.stop();
    this.#reader = null;
  }

  #kickedOut(error) {
    this.#loaded = false;
    this.#ready = false;
    this.#events.emit(EVENT.KICKED_OUT, { type: TYPES.KICKED_OUT_USERSIG_EXPIRED, code: error.code,
      message: error.message });
    this.#events.emit(EVENT.SDK_NOT_READY, {});
  }

  // ---- events ----------------------------------------------------------------------------------------

  on(eventName, handler, context) {
    this.#events.on(eventName, handler, context);
  }

  off(eventName, handler, context) {
    this.#events.off(eventName, handler, context);
  }

  /** Raises Tencent's events for what an applied change changed. */
  #announce(change, unreadBefore) {
    if (!this.#ready) {
      return;
    }
    const list = this.#sync.list;
    if (change.groups) {
      this.#events.emit(EVENT.CONVERSATION_GROUP_LIST_UPDATED, [...list.groups]);
    }
    for (const groupName of change.inGroups) {
      if (list.groups.includes(groupName)) {
        this.#events.emit(EVENT.CONVERSATION_IN_GROUP_UPDATED,
          { groupName, conversationList: list.inGroup(groupName).map(toTencent) });
      }
    }
    if (change.list || change.inGroups.size) {
      this.#events.emit(EVENT.CONVERSATION_LIST_UPDATED, list.visible().map(toTencent));
    }
    const unread = list.totalUnread();
    if (unreadBefore !== unread) {
      this.#events.emit(EVENT.TOTAL_UNREAD_MESSAGE_COUNT_UPDATED, unread);
    }
  }

  /** Waits for a call that may run (logged in, list loaded). */
  async #session() {
    if (this.#loggingIn) {
      await this.#loggingIn.catch(() => {});
    }
    if (!this.#loaded) {
      throw new ConversationsError(SDK_IS_NOT_READY, 'call login({userID, userSig}) first', 401);
    }
  }

  /**
   * A write: once it answers, the events it recorded are applied before the caller sees the result. The write is
   * done when the service answered it: a catch-up that fails afterwards is raised as an ERROR event (the stream
   * catches up later), never as the write's failure (a client would retry what was applied).
   */
  async #write(call) {
    await this.#session();
    const answer = await call();
    await this.#catchUp();
    return answer;
  }

  async #catchUp() {
    try {
      await this.#sync.serially(() => this.#sync.catchUp());
    } catch (e) {
      this.#events.emit(EVENT.ERROR, { code: e.code ?? 0, message: e.message, data: { during: 'catch-up' } });
    }
  }

  // ---- conversations ---------------------------------------------------------------------------------

  /** `()` every conversation, `([ids])` those, `({groupName})` / `({type})` / `({hasUnreadCount})` a filter. */
  async getConversationList(options) {
    await this.#session();
    let list = this.#sync.list.visible();
    if (Array.isArray(options)) {
      requireIdList(options, 'conversationIDList');
      const wanted = new Set(options);
      list = list.filter((c) => wanted.has(c.conversationID));
    } else if (options && typeof options === 'object') {
      if (options.groupName !== undefined) {
        requireString(options.groupName, 'groupName');
        if (!this.#sync.list.groups.includes(options.groupName)) {
          throw new ConversationsError(51009, `conversation group ${options.groupName} does not exist`, 404);
        }
        list = list.filter((c) => c.groupList.includes(options.groupName));
      }
      if (options.type !== undefined) {
        list = list.filter((c) => c.type === options.type);
      }
      if (options.hasUnreadCount) {
        list = list.filter((c) => c.unreadCount > 0);
      }
      if (options.markType !== undefined) {
        requireMark(options.markType);
        list = list.filter((c) => (c.markList || []).includes(options.markType));
      }
    } else if (options !== undefined) {
      throw malformed('options', 'an array of conversation ids or {groupName, type}');
    }
    return ok({ conversationList: list.map(toTencent), isSyncCompleted: true });
  }

  async getConversationProfile(conversationID) {
    await this.#session();
    requireString(conversationID, 'conversationID');
    return ok({ conversation: await this.#profile(conversationID) });
  }

  /** A conversation in Tencent's shape: from the local list when it is there, else from the service. */
  async #profile(conversationID) {
    const local = this.#sync.list.conversations.get(conversationID);
    return toTencent(local && !local.isHidden ? local
      : await this.#http.get(`/v1/conversations/${seg(conversationID)}`));
  }

  getTotalUnreadMessageCount() {
    return this.#loaded ? this.#sync.list.totalUnread() : 0;
  }

  async pinConversation(options) {
    const { conversationID, isPinned } = options || {};
    requireString(conversationID, 'conversationID');
    if (typeof isPinned !== 'boolean') {
      throw malformed('isPinned', 'true or false');
    }
    await this.#write(() => this.#http.put(`/v1/conversations/${seg(conversationID)}/pin`, { isPinned }));
    return ok({ conversationID });
  }

  async setConversationDraft(options) {
    const { conversationID, draftText } = options || {};
    requireString(conversationID, 'conversationID');
    if (typeof draftText !== 'string') {
      throw malformed('draftText', 'a string');
    }
    await this.#write(() => this.#http.put(`/v1/conversations/${seg(conversationID)}/draft`, { draftText }));
    return ok({ conversation: await this.#profile(conversationID) });
  }

  async setConversationCustomData(options) {
    const { conversationIDList, customData } = options || {};
    requireIdList(conversationIDList, 'conversationIDList');
    if (typeof customData !== 'string') {
      throw malformed('customData', 'a string of at most 256 bytes');
    }
    return ok(await this.#each(conversationIDList, (id) =>
      this.#http.put(`/v1/conversations/${seg(id)}/custom-data`, { customData })));
  }

  async setMessageRead(options) {
    const { conversationID } = options || {};
    requireString(conversationID, 'conversationID');
    await this.#write(() => this.#http.post(`/v1/conversations/${seg(conversationID)}/read`));
    return ok({ conversationID });
  }

  /**
   * Takes conversations off the list until new activity: `(id)` or `({conversationIDList, clearHistoryMessage})`.
   * As in Tencent's SDK, their history is cleared too unless `clearHistoryMessage` is false.
   */
  async deleteConversation(options) {
    if (typeof options === 'string') {
      requireString(options, 'conversationID');
      await this.#write(() => this.#http.delete(`/v1/conversations/${seg(options)}?clearHistory=true`));
      return ok({ conversationID: options });
    }
    const { conversationIDList, clearHistoryMessage = true } = options || {};
    requireIdList(conversationIDList, 'conversationIDList');
    if (typeof clearHistoryMessage !== 'boolean') {
      throw malformed('clearHistoryMessage', 'true or false');
    }
    return ok(await this.#each(conversationIDList,
      (id) => this.#http.delete(`/v1/conversations/${seg(id)}?clearHistory=${clearHistoryMessage}`)));
  }

  /** Clears a conversation's history for this user: no last message, nothing unread. */
  async clearHistoryMessage(conversationID) {
    requireString(conversationID, 'conversationID');
    await this.#write(() => this.#http.post(`/v1/conversations/${seg(conversationID)}/clear-history`));
    return ok({ conversationID });
  }

  /** Sets or clears one mark on several conversations; resolves Tencent's success and failure lists. */
  async markConversation(options) {
    const { conversationIDList, markType, enableMark } = options || {};
    requireIdList(conversationIDList, 'conversationIDList');
    requireMark(markType);
    if (typeof enableMark !== 'boolean') {
      throw malformed('enableMark', 'true or false');
    }
    const answer = await this.#write(() => this.#http.post('/v1/conversations/marks',
      { conversationIDList, markType, enableMark }));
    return ok(successAndFailure(answer));
  }

  /**
   * Do-not-disturb and the like: `({groupID, messageRemindType})` for a group chat, `({userIDList,
   * messageRemindType})` for one-to-one chats.
   */
  async setMessageRemindType(options) {
    const { groupID, userIDList, messageRemindType } = options || {};
    if (![TYPES.MSG_REMIND_ACPT_AND_NOTE, TYPES.MSG_REMIND_ACPT_NOT_NOTE, TYPES.MSG_REMIND_DISCARD]
      .includes(messageRemindType)) {
      throw malformed('messageRemindType', 'TencentCloudChat.TYPES.MSG_REMIND_ACPT_AND_NOTE, '
        + 'MSG_REMIND_ACPT_NOT_NOTE or MSG_REMIND_DISCARD');
    }
    let ids;
    if (groupID !== undefined) {
      ids = [TYPES.CONV_GROUP + requireString(groupID, 'groupID')];
    } else {
      requireIdList(userIDList, 'userIDList');
      ids = userIDList.map((u) => TYPES.CONV_C2C + u);
    }
    const answer = await this.#each(ids, (id) => this.#http.put(`/v1/conversations/${seg(id)}/remind-type`,
      { messageRemindType }));
    return ok(answer);
  }

  /** Reads every conversation (`scope` READ_ALL_MSG, the default), or every one-to-one or group one. */
  async setAllMessageRead(options) {
    const scope = (options && options.scope) || TYPES.READ_ALL_MSG;
    if (scope === TYPES.READ_ALL_MSG) {
      await this.#write(() => this.#http.post('/v1/conversations/read-all'));
      return ok({});
    }
    const type = scope === TYPES.READ_ALL_C2C_MSG ? TYPES.CONV_C2C : scope === TYPES.READ_ALL_GROUP_MSG
      ? TYPES.CONV_GROUP : null;
    if (!type) {
      throw malformed('scope', 'TencentCloudChat.TYPES.READ_ALL_MSG, READ_ALL_C2C_MSG or READ_ALL_GROUP_MSG');
    }
    await this.#session();
    const unread = [...this.#sync.list.conversations.values()]
      .filter((c) => c.type === type && c.unreadCount > 0).map((c) => c.conversationID);
    await this.#each(unread, (id) => this.#http.post(`/v1/conversations/${seg(id)}/read`));
    return ok({});
  }

  /** One call per id; refusals go to the failure list as the service's group calls do. */
  async #each(ids, call) {
    await this.#session();
    const successConversationIDList = [];
    const failureConversationIDList = [];
    for (const id of ids) {
      try {
        await call(id);
        successConversationIDList.push(id);
      } catch (e) {
        if (!(e instanceof ConversationsError) || [UNREACHABLE, NETWORK_ERROR, NOT_LOGGED_IN].includes(e.code)) {
          throw e;
        }
        failureConversationIDList.push({ conversationID: id, code: e.code, message: e.message });
      }
    }
    await this.#catchUp();
    return { successConversationIDList, failureConversationIDList };
  }

  // ---- the user and their group chats, as Tencent's SDK shows them ----------------------------------

  /** Tencent's Profile of the logged-in user: the service keeps no profile of its own user, so only userID is set. */
  async getMyProfile() {
    await this.#session();
    return ok(profile(this.#userID, '', ''));
  }

  /** Tencent's Profiles: a user the user has a one-to-one conversation with has its nick and avatar from it. */
  async getUserProfile(options) {
    await this.#session();
    const { userIDList } = options || {};
    requireIdList(userIDList, 'userIDList');
    return ok(userIDList.map((userID) => {
      const c = this.#sync.list.conversations.get(TYPES.CONV_C2C + userID);
      return profile(userID, c ? c.title : '', c && c.avatarIcons.length ? c.avatarIcons[0] : '');
    }));
  }

  /** The group chats the user is in (from the conversation list), as Tencent's groupList. */
  async getGroupList() {
    await this.#session();
    const groupList = [...this.#sync.list.conversations.values()].filter((c) => c.type === TYPES.CONV_GROUP)
      .map((c) => toTencent(c).groupProfile);
    return ok({ groupList });
  }

  // ---- conversation groups (seed 004) ----------------------------------------------------------------

  async getConversationGroupList() {
    await this.#session();
    return ok([...this.#sync.list.groups]);
  }

  async createConversationGroup(options) {
    const { groupName, conversationIDList = [] } = options || {};
    requireString(groupName, 'groupName');
    requireIdList(conversationIDList, 'conversationIDList');
    const answer = await this.#write(() => this.#http.post('/v1/conversation-groups', { groupName, conversationIDList }));
    return ok(successAndFailure(answer));
  }

  async deleteConversationGroup(groupName) {
    requireString(groupName, 'groupName');
    await this.#write(() => this.#http.delete(`/v1/conversation-groups/${seg(groupName)}`));
    return ok({ groupName });
  }

  async renameConversationGroup(options) {
    const { oldName, newName } = options || {};
    requireString(oldName, 'oldName');
    requireString(newName, 'newName');
    await this.#write(() => this.#http.patch(`/v1/conversation-groups/${seg(oldName)}`, { newName }));
    return ok({ oldName, newName });
  }

  async addConversationsToGroup(options) {
    const { groupName, conversationIDList } = options || {};
    requireString(groupName, 'groupName');
    requireIdList(conversationIDList, 'conversationIDList');
    const answer = await this.#write(() =>
      this.#http.post(`/v1/conversation-groups/${seg(groupName)}/conversations`, { conversationIDList }));
    return ok(successAndFailure(answer));
  }

  async deleteConversationsFromGroup(options) {
    const { groupName, conversationIDList } = options || {};
    requireString(groupName, 'groupName');
    requireIdList(conversationIDList, 'conversationIDList');
    const answer = await this.#write(() =>
      this.#http.delete(`/v1/conversation-groups/${seg(groupName)}/conversations`, { conversationIDList }));
    return ok(successAndFailure(answer));
  }

  // ---- messages --------------------------------------------------------------------------------------

  /** Tencent's createTextMessage: a message to send with sendMessage (to a userID for C2C, a groupID for GROUP). */
  createTextMessage(options) {
    const { to, conversationType, payload } = options || {};
    requireString(to, 'to');
    if (conversationType !== TYPES.CONV_C2C && conversationType !== TYPES.CONV_GROUP) {
      throw malformed('conversationType', "TencentCloudChat.TYPES.CONV_C2C or CONV_GROUP");
    }
    if (!payload || typeof payload.text !== 'string') {
      throw malformed('payload.text', 'a string');
    }
    this.#messageDrafts += 1;
    return { ID: `local-${this.#messageDrafts}`, to, conversationType, conversationID: conversationType + to,
      type: TYPES.MSG_TEXT, payload: { text: payload.text }, status: 'unSend' };
  }

  /** Sends a message made by createTextMessage; resolves {message} with the service's Message fields. */
  async sendMessage(message) {
    if (!message || typeof message.conversationID !== 'string') {
      throw malformed('message', 'a message from createTextMessage');
    }
    await this.#session();
    const conversation = this.#sync.list.conversations.get(message.conversationID)
      || await this.#http.get(`/v1/conversations/${seg(message.conversationID)}`);
    const sent = await this.#write(() => this.#http.post(`/v1/chats/${seg(conversation.chatId)}/messages`,
      { type: 'text', text: message.payload.text }));
    return ok({ message: { ...message, ID: sent.messageId, status: 'success', time: Math.floor(sent.sentAt / 1000),
      ...sent } });
  }
}

/**
 * Tencent's calls outside conversations that its UI kits make at start. This service keeps conversations only:
 * these answer what is true of it (no friends, no blacklist, no plugins to load; the user's group chats are the
 * GROUP conversations) and never fail, so that code written for Tencent's SDK starts. README lists them.
 */
const beyondConversations = {
  /** `canIUseModule` answers false synchronously (as Tencent's does for a module not loaded); others resolve. */
  callExperimentalAPI(key) {
    if (key === 'canIUseModule') {
      return false;
    }
    return Promise.resolve(ok(key === 'isCommercialAbilityEnabled' ? { enabled: false } : {}));
  },
  setLogLevel() {},
  registerPlugin() {},
  use() {},
  getBlacklist() {
    return Promise.resolve(ok([]));
  },
  getFriendList() {
    return Promise.resolve(ok([]));
  },
  getFriendGroupList() {
    return Promise.resolve(ok([]));
  },
  getFriendApplicationList() {
    return Promise.resolve(ok({ friendApplicationList: [], unreadCount: 0 }));
  },
};
Object.assign(ChatSDK.prototype, beyondConversations);

/** Tencent's Profile with what the service knows: the user's id, a nick and an avatar. */
function profile(userID, nick, avatar) {
  return { userID, nick, avatar, gender: '', selfSignature: '', allowType: '', birthday: 0, location: '',
    language: 0, messageSettings: 0, adminForbidType: '', level: 0, role: 0, lastUpdatedTime: 0,
    profileCustomField: [] };
}

/** A mark as Tencent's SDK takes it: a positive integer a JavaScript number holds exactly. */
function requireMark(markType) {
  if (!Number.isSafeInteger(markType) || markType < 1) {
    throw malformed('markType', 'a positive integer, e.g. TencentCloudChat.TYPES.CONV_MARK_TYPE_STAR');
  }
  return markType;
}

function successAndFailure(answer) {
  return {
    successConversationIDList: answer.successConversationIDList || [],
    failureConversationIDList: answer.failureConversationIDList || [],
  };
}

/** `TencentCloudChat`: create() gives a ChatSDK; EVENT and TYPES as in Tencent's SDK. */
export const TencentCloudChat = Object.freeze({
  create(options) {
    return new ChatSDK(options || {});
  },
  EVENT,
  TYPES,
  VERSION: '0.1.0',
});
