// Tencent Cloud Chat's web SDK shape (`TencentCloudChat.create`, `chat.login`, `chat.on`, the conversation and
// conversation-group calls) over the Conversations service. The SDK holds the user's list locally, kept right by
// the event stream, and raises Tencent's events from it.
import { ConversationsError, NOT_LOGGED_IN, malformed, requireIdList, requireString } from './errors.js';
import { Http, seg } from './http.js';
import { LocalList, toTencent } from './local-list.js';
import { EventStreamReader, NET_STATE } from './stream.js';
import { defaultServer, sessions } from './session.js';

export const EVENT = Object.freeze({
  SDK_READY: 'sdkStateReady',
  SDK_NOT_READY: 'sdkStateNotReady',
  CONVERSATION_LIST_UPDATED: 'onConversationListUpdated',
  TOTAL_UNREAD_MESSAGE_COUNT_UPDATED: 'onTotalUnreadMessageCountUpdated',
  CONVERSATION_GROUP_LIST_UPDATED: 'onConversationGroupListUpdated',
  CONVERSATION_IN_GROUP_UPDATED: 'onConversationInGroupUpdated',
  KICKED_OUT: 'kickedOut',
  ERROR: 'error',
  NET_STATE_CHANGE: 'netStateChange',
  // Not in Tencent's SDK: the service no longer held this client's place in the log, so the SDK reloaded the
  // list (data: {last}); the list and group events that follow carry the reloaded state.
  CONVERSATION_LIST_RELOADED: 'onConversationListReloaded',
});

export const TYPES = Object.freeze({
  CONV_C2C: 'C2C',
  CONV_GROUP: 'GROUP',
  CONV_SYSTEM: '@TIM#SYSTEM',
  MSG_TEXT: 'TIMTextElem',
  MSG_IMAGE: 'TIMImageElem',
  MSG_CUSTOM: 'TIMCustomElem',
  MSG_REMIND_ACPT_AND_NOTE: 'AcceptAndNotify',
  NET_STATE_CONNECTED: NET_STATE.CONNECTED,
  NET_STATE_CONNECTING: NET_STATE.CONNECTING,
  NET_STATE_DISCONNECTED: NET_STATE.DISCONNECTED,
  KICKED_OUT_USERSIG_EXPIRED: 'userSigExpired',
});

const PAGE = 100;
const ok = (data) => ({ code: 0, data });

export class ChatSDK {
  constructor(options = {}) {
    if (options.server !== undefined && typeof options.server !== 'string') {
      throw malformed('server', 'the service URL, e.g. https://conversations.example.com');
    }
    this.http = new Http({ server: options.server || defaultServer(), token: () => this.userSig,
      fetchImpl: options.fetch });
    this.userSig = null;
    this.userID = null;
    this.corpId = null;
    this.list = new LocalList();
    this.handlers = new Map();
    this.ready = false;
    this.loggingIn = null;
    this.queue = Promise.resolve();
    this.reader = null;
    this.messageDrafts = 0;
  }

  // ---- session ---------------------------------------------------------------------------------------

  /** Signs in with the user's token as `userSig`: loads the list, opens the event stream, raises SDK_READY. */
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
      if (this.userSig === userSig && this.ready) {
        return ok({ repeatLogin: true });
      }
      this.stop();
      this.userSig = userSig;
      this.userID = userID;
      this.corpId = claims.corp;
      try {
        await this.serially(() => this.reload());
      } catch (e) {
        this.userSig = null;
        this.userID = null;
        throw e;
      }
      this.reader = new EventStreamReader({
        http: this.http,
        lastId: () => this.list.eventSeq,
        onEvent: (event) => this.serially(() => this.receive([event])),
        onState: (state) => this.emit(EVENT.NET_STATE_CHANGE, { state }),
        onFatal: (error) => this.kickedOut(error),
      });
      this.reader.start();
      this.ready = true;
      sessions.latest = this;
      this.emit(EVENT.SDK_READY, {});
      return ok({ repeatLogin: false });
    };
    this.loggingIn = run().finally(() => {
      this.loggingIn = null;
    });
    return this.loggingIn;
  }

  logout() {
    this.stop();
    const wasReady = this.ready;
    this.ready = false;
    this.userSig = null;
    this.userID = null;
    this.corpId = null;
    this.list.reset([], [], 0);
    if (sessions.latest === this) {
      sessions.latest = null;
    }
    if (wasReady) {
      this.emit(EVENT.SDK_NOT_READY, {});
    }
    return Promise.resolve(ok({}));
  }

  /** Tencent's `destroy`: logs out and forgets every listener. */
  destroy() {
    return this.logout().then((r) => {
      this.handlers.clear();
      return r;
    });
  }

  isReady() {
    return this.ready;
  }

  getLoginUser() {
    return this.userID || '';
  }

  stop() {
    this.reader?.stop();
    this.reader = null;
  }

  kickedOut(error) {
    this.ready = false;
    this.emit(EVENT.KICKED_OUT, { type: TYPES.KICKED_OUT_USERSIG_EXPIRED, code: error.code, message: error.message });
    this.emit(EVENT.SDK_NOT_READY, {});
  }

  // ---- events ----------------------------------------------------------------------------------------

  on(eventName, handler, context) {
    if (typeof handler !== 'function') {
      throw malformed('handler', 'a function');
    }
    if (!this.handlers.has(eventName)) {
      this.handlers.set(eventName, []);
    }
    this.handlers.get(eventName).push({ handler, context });
  }

  off(eventName, handler, context) {
    const list = this.handlers.get(eventName);
    if (!list) {
      return;
    }
    const i = list.findIndex((h) => h.handler === handler && (context === undefined || h.context === context));
    if (i >= 0) {
      list.splice(i, 1);
    }
  }

  emit(name, data) {
    for (const { handler, context } of [...(this.handlers.get(name) || [])]) {
      try {
        handler.call(context, { name, data });
      } catch (e) {
        console.error(`a ${name} listener threw`, e);
      }
    }
  }

  // ---- the local list --------------------------------------------------------------------------------

  /** Runs `task` after every earlier one: events and reloads are applied one at a time, in order. */
  serially(task) {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => {});
    return next;
  }

  /** Loads the list page by page at the first page's eventSeq, then the group names. */
  async reload() {
    const conversations = [];
    let cursor = '';
    let eventSeq = null;
    for (;;) {
      const page = await this.http.get(`/v1/conversations?count=${PAGE}${cursor ? `&cursor=${seg(cursor)}` : ''}`);
      if (eventSeq === null) {
        eventSeq = page.eventSeq;
      }
      conversations.push(...page.conversationList);
      if (page.isFinished || !page.nextCursor) {
        break;
      }
      cursor = page.nextCursor;
    }
    // After the first page: a group change before its eventSeq is in this answer, a later one is an event.
    const groups = await this.http.get('/v1/conversation-groups');
    const unread = this.ready ? this.list.totalUnread() : null;
    this.list.reset(conversations, groups.groupList.map((g) => g.groupName), eventSeq);
    // Events that raced the pages are read now, so the list is whole before anyone looks at it.
    await this.catchUp();
    if (this.ready) {
      this.announce({ list: true, groups: true, inGroups: new Set(this.list.groups) }, unread);
    }
  }

  /** Reads the events after the local eventSeq in batches and applies them. */
  async catchUp() {
    for (;;) {
      const batch = await this.http.get(`/v1/events?after=${this.list.eventSeq}`);
      if (!batch.events.length) {
        return;
      }
      await this.receive(batch.events, true);
      if (this.list.eventSeq >= batch.last) {
        return;
      }
    }
  }

  /** Applies events in order (skipping any already applied) and raises Tencent's events for what changed. */
  async receive(events, catchingUp = false) {
    const change = { list: false, groups: false, inGroups: new Set() };
    const unread = this.list.totalUnread();
    for (const event of events) {
      if (event.event === 'RESYNC') {
        // The service no longer holds this client's place (or never gave it): whatever the ids say, reload.
        await this.reload();
        this.emit(EVENT.CONVERSATION_LIST_RELOADED, { last: event.id });
        return;
      }
      if (event.id <= this.list.eventSeq) {
        continue;
      }
      if (event.id !== this.list.eventSeq + 1) {
        // A gap should not happen (the stream resumes after eventSeq); read what is missing rather than guess.
        if (!catchingUp) {
          await this.catchUp();
          return this.receive(events.filter((e) => e.id > this.list.eventSeq));
        }
        break;
      }
      const c = this.list.apply(event);
      change.list ||= c.list;
      change.groups ||= c.groups;
      c.inGroups.forEach((name) => change.inGroups.add(name));
    }
    this.announce(change, unread);
  }

  announce(change, unreadBefore) {
    if (!this.ready) {
      return;
    }
    if (change.groups) {
      this.emit(EVENT.CONVERSATION_GROUP_LIST_UPDATED, [...this.list.groups]);
    }
    for (const groupName of change.inGroups) {
      if (this.list.groups.includes(groupName)) {
        this.emit(EVENT.CONVERSATION_IN_GROUP_UPDATED,
          { groupName, conversationList: this.list.inGroup(groupName).map(toTencent) });
      }
    }
    if (change.list || change.inGroups.size) {
      this.emit(EVENT.CONVERSATION_LIST_UPDATED, this.list.visible().map(toTencent));
    }
    const unread = this.list.totalUnread();
    if (unreadBefore !== unread) {
      this.emit(EVENT.TOTAL_UNREAD_MESSAGE_COUNT_UPDATED, unread);
    }
  }

  /** Waits for a call that may run (logged in, list loaded). */
  async session() {
    if (this.loggingIn) {
      await this.loggingIn.catch(() => {});
    }
    if (!this.ready) {
      throw new ConversationsError(NOT_LOGGED_IN, 'call login({userID, userSig}) first', 401);
    }
  }

  /** A write: once it answers, the events it recorded are applied before the caller sees the result. */
  async write(call) {
    await this.session();
    const answer = await call();
    await this.serially(() => this.catchUp());
    return answer;
  }

  // ---- conversations ---------------------------------------------------------------------------------

  /** `()` every conversation, `([ids])` those, `({groupName})` / `({type})` / `({hasUnreadCount})` a filter. */
  async getConversationList(options) {
    await this.session();
    let list = this.list.visible();
    if (Array.isArray(options)) {
      requireIdList(options, 'conversationIDList');
      const wanted = new Set(options);
      list = list.filter((c) => wanted.has(c.conversationID));
    } else if (options && typeof options === 'object') {
      if (options.groupName !== undefined) {
        requireString(options.groupName, 'groupName');
        if (!this.list.groups.includes(options.groupName)) {
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
    } else if (options !== undefined) {
      throw malformed('options', 'an array of conversation ids or {groupName, type}');
    }
    return ok({ conversationList: list.map(toTencent), isSyncCompleted: true });
  }

  async getConversationProfile(conversationID) {
    await this.session();
    requireString(conversationID, 'conversationID');
    const local = this.list.conversations.get(conversationID);
    const c = local && !local.isHidden ? local : await this.http.get(`/v1/conversations/${seg(conversationID)}`);
    return ok({ conversation: toTencent(c) });
  }

  getTotalUnreadMessageCount() {
    return this.ready ? this.list.totalUnread() : 0;
  }

  async pinConversation(options) {
    const { conversationID, isPinned } = options || {};
    requireString(conversationID, 'conversationID');
    if (typeof isPinned !== 'boolean') {
      throw malformed('isPinned', 'true or false');
    }
    await this.write(() => this.http.put(`/v1/conversations/${seg(conversationID)}/pin`, { isPinned }));
    return ok({ conversationID });
  }

  async setConversationDraft(options) {
    const { conversationID, draftText } = options || {};
    requireString(conversationID, 'conversationID');
    if (typeof draftText !== 'string') {
      throw malformed('draftText', 'a string');
    }
    await this.write(() => this.http.put(`/v1/conversations/${seg(conversationID)}/draft`, { draftText }));
    return ok({ conversationID });
  }

  async setConversationCustomData(options) {
    const { conversationIDList, customData } = options || {};
    requireIdList(conversationIDList, 'conversationIDList');
    if (typeof customData !== 'string') {
      throw malformed('customData', 'a string of at most 256 bytes');
    }
    return ok(await this.each(conversationIDList, (id) =>
      this.http.put(`/v1/conversations/${seg(id)}/custom-data`, { customData })));
  }

  async setMessageRead(options) {
    const { conversationID } = options || {};
    requireString(conversationID, 'conversationID');
    await this.write(() => this.http.post(`/v1/conversations/${seg(conversationID)}/read`));
    return ok({ conversationID });
  }

  /** Hides conversations until new activity: `(id)` or `({conversationIDList})`. */
  async deleteConversation(options) {
    if (typeof options === 'string') {
      requireString(options, 'conversationID');
      await this.write(() => this.http.delete(`/v1/conversations/${seg(options)}`));
      return ok({ conversationID: options });
    }
    const { conversationIDList } = options || {};
    requireIdList(conversationIDList, 'conversationIDList');
    return ok(await this.each(conversationIDList, (id) => this.http.delete(`/v1/conversations/${seg(id)}`)));
  }

  /** One call per id; refusals go to the failure list as the service's group calls do. */
  async each(ids, call) {
    await this.session();
    const successConversationIDList = [];
    const failureConversationIDList = [];
    for (const id of ids) {
      try {
        await call(id);
        successConversationIDList.push(id);
      } catch (e) {
        if (!(e instanceof ConversationsError) || e.code === 50301 || e.code === 40101) {
          throw e;
        }
        failureConversationIDList.push({ conversationID: id, code: e.code, message: e.message });
      }
    }
    await this.serially(() => this.catchUp());
    return { successConversationIDList, failureConversationIDList };
  }

  // ---- conversation groups (seed 004) ----------------------------------------------------------------

  async getConversationGroupList() {
    await this.session();
    return ok([...this.list.groups]);
  }

  async createConversationGroup(options) {
    const { groupName, conversationIDList = [] } = options || {};
    requireString(groupName, 'groupName');
    requireIdList(conversationIDList, 'conversationIDList');
    const answer = await this.write(() => this.http.post('/v1/conversation-groups', { groupName, conversationIDList }));
    return ok(successAndFailure(answer));
  }

  async deleteConversationGroup(groupName) {
    requireString(groupName, 'groupName');
    await this.write(() => this.http.delete(`/v1/conversation-groups/${seg(groupName)}`));
    return ok({ groupName });
  }

  async renameConversationGroup(options) {
    const { oldName, newName } = options || {};
    requireString(oldName, 'oldName');
    requireString(newName, 'newName');
    await this.write(() => this.http.patch(`/v1/conversation-groups/${seg(oldName)}`, { newName }));
    return ok({ oldName, newName });
  }

  async addConversationsToGroup(options) {
    const { groupName, conversationIDList } = options || {};
    requireString(groupName, 'groupName');
    requireIdList(conversationIDList, 'conversationIDList');
    const answer = await this.write(() =>
      this.http.post(`/v1/conversation-groups/${seg(groupName)}/conversations`, { conversationIDList }));
    return ok(successAndFailure(answer));
  }

  async deleteConversationsFromGroup(options) {
    const { groupName, conversationIDList } = options || {};
    requireString(groupName, 'groupName');
    requireIdList(conversationIDList, 'conversationIDList');
    const answer = await this.write(() =>
      this.http.delete(`/v1/conversation-groups/${seg(groupName)}/conversations`, { conversationIDList }));
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
    this.messageDrafts += 1;
    return { ID: `local-${this.messageDrafts}`, to, conversationType, conversationID: conversationType + to,
      type: TYPES.MSG_TEXT, payload: { text: payload.text }, status: 'unSend' };
  }

  /** Sends a message made by createTextMessage; resolves {message} with the service's Message fields. */
  async sendMessage(message) {
    if (!message || typeof message.conversationID !== 'string') {
      throw malformed('message', 'a message from createTextMessage');
    }
    await this.session();
    const conversation = this.list.conversations.get(message.conversationID)
      || await this.http.get(`/v1/conversations/${seg(message.conversationID)}`);
    const sent = await this.write(() => this.http.post(`/v1/chats/${seg(conversation.chatId)}/messages`,
      { type: 'text', text: message.payload.text }));
    return ok({ message: { ...message, ID: sent.messageId, status: 'success', time: Math.floor(sent.sentAt / 1000),
      ...sent } });
  }
}

function successAndFailure(answer) {
  return {
    successConversationIDList: answer.successConversationIDList || [],
    failureConversationIDList: answer.failureConversationIDList || [],
  };
}

/** The token's claims (not verified here: the service verifies every call). */
export function readClaims(token) {
  const parts = token.split('.');
  if (parts.length !== 3) {
    return null;
  }
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')),
      (ch) => '%' + ch.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
    return JSON.parse(json);
  } catch (e) {
    return null;
  }
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
