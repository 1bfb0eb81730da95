/* Conversations web SDK: Tencent Cloud Chat conversation calls and DingTalk dd.biz.chat, self-hosted. Built from web/src by scripts/build.mjs; do not edit. */

// src/errors.js
var ConversationsError = class extends Error {
  constructor(code, message, status = 0, details = {}) {
    super(message);
    this.name = "ConversationsError";
    this.code = code;
    this.status = status;
    this.data = { status, ...details };
    this.errorCode = code;
    this.errorMessage = message;
  }
};
var NOT_LOGGED_IN = 40101;
var MALFORMED = 40001;
var UNREACHABLE = 50301;
var SDK_IS_NOT_READY = 2999;
var NETWORK_ERROR = 2800;
var CANCELLED = -1;
function malformed(field, expected) {
  return new ConversationsError(MALFORMED, `${field} must be ${expected}`, 400);
}
function requireString(value, field) {
  if (typeof value !== "string" || value.length === 0) {
    throw malformed(field, "a non-empty string");
  }
  return value;
}
function requireIdList(value, field) {
  if (!Array.isArray(value) || value.some((id) => typeof id !== "string")) {
    throw malformed(field, "an array of conversation ids");
  }
  return value;
}

// src/emitter.js
var Emitter = class {
  /** @type {Map<string, {handler: Function, context: any}[]>} */
  #handlers = /* @__PURE__ */ new Map();
  on(eventName, handler, context) {
    if (typeof handler !== "function") {
      throw malformed("handler", "a function");
    }
    if (!this.#handlers.has(eventName)) {
      this.#handlers.set(eventName, []);
    }
    this.#handlers.get(eventName).push({ handler, context });
  }
  off(eventName, handler, context) {
    const list = this.#handlers.get(eventName);
    if (!list) {
      return;
    }
    const i = list.findIndex((h) => h.handler === handler && (context === void 0 || h.context === context));
    if (i >= 0) {
      list.splice(i, 1);
    }
  }
  emit(name, data) {
    for (const { handler, context } of [...this.#handlers.get(name) || []]) {
      try {
        handler.call(context, { name, data });
      } catch (e) {
        console.error(`a ${name} listener threw`, e);
      }
    }
  }
  clear() {
    this.#handlers.clear();
  }
};

// src/http.js
var Http = class {
  #server;
  #token;
  #fetch;
  /** @param {{server: string, token: () => string | null, fetchImpl?: typeof fetch}} options */
  constructor({ server, token, fetchImpl }) {
    this.#server = server.replace(/\/+$/, "");
    this.#token = token;
    this.#fetch = fetchImpl || ((...args) => globalThis.fetch(...args));
  }
  /** The service's base URL. */
  get server() {
    return this.#server;
  }
  /** The raw response to a request with the token (the event stream reads its body as it comes). */
  open(path, { headers = {}, ...init } = {}) {
    return this.#fetch(this.#server + path, { ...init, headers: this.#headers(headers) });
  }
  #headers(extra) {
    const token = this.#token();
    return token ? { Authorization: `Bearer ${token}`, ...extra } : { ...extra };
  }
  async request(method, path, body) {
    let response;
    try {
      response = await this.open(path, {
        method,
        headers: body === void 0 ? { Accept: "application/json" } : { Accept: "application/json", "Content-Type": "application/json; charset=utf-8" },
        body: body === void 0 ? void 0 : JSON.stringify(body),
        cache: "no-store"
      });
    } catch (e) {
      throw new ConversationsError(NETWORK_ERROR, `the service at ${this.#server} cannot be reached: ${e.message}`);
    }
    if (response.status === 204) {
      return null;
    }
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch (e) {
      throw new ConversationsError(UNREACHABLE, `the service answered ${response.status} without JSON`, response.status);
    }
    if (!response.ok) {
      const { code, message, ...details } = json && typeof json === "object" ? json : {};
      throw new ConversationsError(
        typeof code === "number" ? code : response.status * 100,
        typeof message === "string" ? message : `HTTP ${response.status}`,
        response.status,
        details
      );
    }
    return json;
  }
  get(path) {
    return this.request("GET", path);
  }
  post(path, body) {
    return this.request("POST", path, body === void 0 ? {} : body);
  }
  put(path, body) {
    return this.request("PUT", path, body);
  }
  patch(path, body) {
    return this.request("PATCH", path, body);
  }
  delete(path, body) {
    return this.request("DELETE", path, body);
  }
};
var seg = (value) => encodeURIComponent(value);

// src/stream.js
var NET_STATE = Object.freeze({
  CONNECTED: "connected",
  CONNECTING: "connecting",
  DISCONNECTED: "disconnected"
});
var FIRST_DELAY_MS = 500;
var MAX_DELAY_MS = 3e4;
var SILENCE_MS = 45e3;
async function* frames(body) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for (; ; ) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, "\n");
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const frame = parseFrame(block);
        if (frame) {
          yield frame;
        }
      }
    }
  } finally {
    reader.releaseLock?.();
  }
}
function parseFrame(block) {
  const frame = { id: null, event: "message", data: null, retry: null };
  const data = [];
  let meaningful = false;
  for (const line of block.split("\n")) {
    if (line === "" || line.startsWith(":")) {
      continue;
    }
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) {
      value = value.slice(1);
    }
    meaningful = true;
    if (field === "id") frame.id = value;
    else if (field === "event") frame.event = value;
    else if (field === "data") data.push(value);
    else if (field === "retry" && /^\d+$/.test(value)) frame.retry = Number(value);
  }
  if (!meaningful) {
    return null;
  }
  frame.data = data.length ? data.join("\n") : null;
  return frame;
}
var EventStreamReader = class {
  #http;
  #lastId;
  #onEvent;
  #onState;
  #onFatal;
  #onError;
  #random;
  #stopped = true;
  #controller = null;
  #state = NET_STATE.DISCONNECTED;
  #connects = 0;
  #wake = null;
  #failures = 0;
  /**
   * @param {object} options
   * @param {import('./http.js').Http} options.http
   * @param {() => number} options.lastId the id to resume after (read at every (re)connect)
   * @param {(event: {id: number, event: string, data: any}) => Promise<void>} options.onEvent
   * @param {(state: string) => void} options.onState
   * @param {(error: Error) => void} options.onFatal the token was refused: the stream stops
   * @param {(error: Error) => void} [options.onError] an event could not be read: it is passed on as a RESYNC
   *   (whatever it said, the list is reloaded rather than guessed) and the stream goes on
   */
  constructor({ http: http2, lastId, onEvent, onState, onFatal, onError = () => {
  }, random = Math.random }) {
    this.#http = http2;
    this.#lastId = lastId;
    this.#onEvent = onEvent;
    this.#onState = onState;
    this.#onFatal = onFatal;
    this.#onError = onError;
    this.#random = random;
  }
  /** NET_STATE: connected, connecting or disconnected. */
  get state() {
    return this.#state;
  }
  /** How many times the stream has connected. */
  get connects() {
    return this.#connects;
  }
  start() {
    if (!this.#stopped) {
      return;
    }
    this.#stopped = false;
    globalThis.addEventListener?.("online", this.#comeBack);
    globalThis.document?.addEventListener?.("visibilitychange", this.#comeBack);
    this.#run();
  }
  stop() {
    globalThis.removeEventListener?.("online", this.#comeBack);
    globalThis.document?.removeEventListener?.("visibilitychange", this.#comeBack);
    this.#stopped = true;
    this.#controller?.abort();
    this.#wake?.();
    this.#setState(NET_STATE.DISCONNECTED);
  }
  /** Ends the current connection (as a network break would); the reader reconnects and resumes. */
  reconnect() {
    this.#controller?.abort();
  }
  /**
   * The network is back or the page is shown again: a reader waiting to reconnect does so now, from the first
   * delay; after `online` a connection that looks open is replaced too (it may have died with the network).
   */
  #comeBack = (event) => {
    if (this.#stopped || event?.type === "visibilitychange" && globalThis.document?.visibilityState === "hidden") {
      return;
    }
    this.#failures = 0;
    if (event?.type === "online") {
      this.#controller?.abort();
    }
    this.#wake?.();
  };
  #setState(state) {
    if (state !== this.#state) {
      this.#state = state;
      this.#onState(state);
    }
  }
  async #run() {
    this.#failures = 0;
    while (!this.#stopped) {
      this.#setState(NET_STATE.CONNECTING);
      const controller = new AbortController();
      this.#controller = controller;
      let silence = null;
      const feelAlive = () => {
        clearTimeout(silence);
        silence = setTimeout(() => controller.abort(), SILENCE_MS);
      };
      let waitMs = null;
      try {
        feelAlive();
        const response = await this.#http.open("/v1/events", {
          headers: { Accept: "text/event-stream", "Last-Event-ID": String(this.#lastId()) },
          signal: controller.signal,
          cache: "no-store"
        });
        if (response.status === 401) {
          clearTimeout(silence);
          this.#stopped = true;
          this.#setState(NET_STATE.DISCONNECTED);
          const body = await response.json().catch(() => ({}));
          this.#onFatal(Object.assign(new Error(body.message || "the token was refused"), { code: body.code || 40101 }));
          return;
        }
        if (!response.ok || !response.body) {
          const retryAfter = Number(response.headers.get("Retry-After"));
          waitMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1e3 : null;
          await response.body?.cancel().catch(() => {
          });
          throw new Error(`the event stream answered ${response.status}`);
        }
        this.#connects += 1;
        this.#setState(NET_STATE.CONNECTED);
        for await (const frame of frames(response.body)) {
          feelAlive();
          this.#failures = 0;
          if (frame.id === null || frame.data === null) {
            continue;
          }
          await this.#onEvent(this.#read(frame));
          if (this.#stopped) {
            break;
          }
        }
      } catch (e) {
        if (globalThis.CONVERSATIONS_DEBUG) console.log("stream", e);
      } finally {
        clearTimeout(silence);
      }
      if (this.#stopped) {
        break;
      }
      this.#setState(NET_STATE.DISCONNECTED);
      this.#failures += 1;
      const cap = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(this.#failures - 1, 10));
      await this.#sleep(waitMs ?? cap / 2 + this.#random() * cap / 2);
    }
  }
  /** A frame as an event; one whose data is not JSON becomes a RESYNC (before, it broke the connection for ever). */
  #read(frame) {
    try {
      return { id: Number(frame.id), event: frame.event, data: JSON.parse(frame.data) };
    } catch (e) {
      this.#onError(Object.assign(
        new Error(`event ${frame.id} could not be read (${e.message}): the list is reloaded`),
        { code: 50301 }
      ));
      return { id: Number(frame.id), event: "RESYNC", data: null };
    }
  }
  #sleep(ms) {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
};

// src/session.js
var scriptOrigin = (() => {
  try {
    const script = typeof document !== "undefined" ? document.currentScript : null;
    return script && script.src ? new URL(script.src).origin : null;
  } catch (e) {
    return null;
  }
})();
function defaultServer() {
  if (scriptOrigin) {
    return scriptOrigin;
  }
  if (typeof location !== "undefined" && location.origin && location.origin !== "null") {
    return location.origin;
  }
  throw new Error('no server: pass {server: "https://..."} (the page is not served from the service)');
}
var sessions = { latest: null };
function readClaims(token) {
  const parts = token.split(".");
  if (parts.length !== 3) {
    return null;
  }
  try {
    const base64 = parts[1].replace(/-/g, "+").replace(/_/g, "/");
    const json = decodeURIComponent(Array.from(
      atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "=")),
      (ch) => "%" + ch.charCodeAt(0).toString(16).padStart(2, "0")
    ).join(""));
    return JSON.parse(json);
  } catch (e) {
    return null;
  }
}

// src/local-list.js
var LocalList = class {
  constructor() {
    this.reset([], [], 0);
  }
  reset(conversations, groupNames, eventSeq) {
    this.conversations = new Map(conversations.map((c) => [c.conversationID, copy(c)]));
    this.groups = [...groupNames];
    this.eventSeq = eventSeq;
  }
  /** Visible conversations in the service's order: pinned first, then latest activity. */
  visible() {
    return [...this.conversations.values()].filter((c) => !c.isHidden).sort(order);
  }
  inGroup(groupName) {
    return this.visible().filter((c) => c.groupList.includes(groupName));
  }
  /**
   * Applies one event (its id must be eventSeq + 1) and says what it changed:
   * {list: boolean, groups: boolean, inGroups: Set<groupName>}.
   */
  apply(event) {
    const change = { list: false, groups: false, inGroups: /* @__PURE__ */ new Set() };
    const data = event.data;
    switch (event.event) {
      case "CONVERSATION_LIST_UPDATED":
        for (const next of data) {
          const before = this.conversations.get(next.conversationID);
          this.conversations.set(next.conversationID, copy(next));
          change.list = true;
          const beforeGroups = before && !before.isHidden ? before.groupList : [];
          const nextGroups = next.isHidden ? [] : next.groupList;
          [...beforeGroups, ...nextGroups].forEach((name) => change.inGroups.add(name));
        }
        break;
      case "CONVERSATION_GROUP_LIST_UPDATED": {
        const kept = new Set(data);
        for (const c of this.conversations.values()) {
          if (c.groupList.some((name) => !kept.has(name))) {
            c.groupList = c.groupList.filter((name) => kept.has(name));
            change.list = true;
          }
        }
        this.groups = [...data];
        change.groups = true;
        break;
      }
      case "CONVERSATION_GROUP_RENAMED": {
        const { oldName, newName } = data;
        this.groups = this.groups.map((name) => name === oldName ? newName : name);
        for (const c of this.conversations.values()) {
          if (c.groupList.includes(oldName)) {
            c.groupList = c.groupList.map((name) => name === oldName ? newName : name);
            change.list = true;
          }
        }
        break;
      }
      case "CONVERSATION_IN_GROUP_UPDATED": {
        const { groupName, addedConversationIDList = [], removedConversationIDList = [] } = data;
        for (const id of addedConversationIDList) {
          const c = this.conversations.get(id);
          if (c && !c.groupList.includes(groupName)) {
            c.groupList = this.inGroupOrder([...c.groupList, groupName]);
            change.list = true;
          }
        }
        for (const id of removedConversationIDList) {
          const c = this.conversations.get(id);
          if (c && c.groupList.includes(groupName)) {
            c.groupList = c.groupList.filter((name) => name !== groupName);
            change.list = true;
          }
        }
        change.inGroups.add(groupName);
        break;
      }
      case "CONVERSATION_DELETED":
        for (const id of data.conversationIDList) {
          const c = this.conversations.get(id);
          if (c) {
            c.groupList.forEach((name) => change.inGroups.add(name));
            this.conversations.delete(id);
            change.list = true;
          }
        }
        break;
      default:
        break;
    }
    this.eventSeq = event.id;
    return change;
  }
  inGroupOrder(names) {
    const position = new Map(this.groups.map((name, i) => [name, i]));
    return names.sort((a, b) => (position.get(a) ?? Infinity) - (position.get(b) ?? Infinity));
  }
  /** What Tencent's total shows: the list's unread, do-not-disturb conversations left out (as the service's). */
  totalUnread() {
    return this.visible().filter((c) => c.messageRemindType !== "AcceptNotNotify").reduce((sum, c) => sum + c.unreadCount, 0);
  }
};
function copy(conversation) {
  return { ...conversation, groupList: [...conversation.groupList], markList: [...conversation.markList || []] };
}
function order(a, b) {
  if (a.isPinned !== b.isPinned) {
    return a.isPinned ? -1 : 1;
  }
  const activity = (b.activityAt ?? b.updatedAt) - (a.activityAt ?? a.updatedAt);
  if (activity !== 0) {
    return activity;
  }
  return a.conversationID < b.conversationID ? 1 : a.conversationID > b.conversationID ? -1 : 0;
}

// src/sync.js
var PAGE = 100;
var ListSync = class {
  #http;
  #onChange;
  #onReloaded;
  #queue = Promise.resolve();
  /** The user's list and groups as of `list.eventSeq`. */
  list = new LocalList();
  /**
   * @param {object} options
   * @param {import('./http.js').Http} options.http
   * @param {(change: {list: boolean, groups: boolean, inGroups: Set<string>}, unreadBefore: number|null) => void}
   *   options.onChange
   * @param {(last: number) => void} options.onReloaded the service no longer held the list's place: reloaded
   */
  constructor({ http: http2, onChange, onReloaded }) {
    this.#http = http2;
    this.#onChange = onChange;
    this.#onReloaded = onReloaded;
  }
  /** Runs `task` after every earlier one. */
  serially(task) {
    const next = this.#queue.then(task, task);
    this.#queue = next.catch(() => {
    });
    return next;
  }
  /** Loads the list page by page at the first page's eventSeq, then the group names; `announce`: tell onChange. */
  async reload(announce) {
    const conversations = [];
    let cursor = "";
    let eventSeq = null;
    for (; ; ) {
      const page = await this.#http.get(`/v1/conversations?count=${PAGE}${cursor ? `&cursor=${seg(cursor)}` : ""}`);
      if (eventSeq === null) {
        eventSeq = page.eventSeq;
      }
      conversations.push(...page.conversationList);
      if (page.isFinished || !page.nextCursor) {
        break;
      }
      cursor = page.nextCursor;
    }
    const groups = await this.#http.get("/v1/conversation-groups");
    const unread = announce ? this.list.totalUnread() : null;
    this.list.reset(conversations, groups.groupList.map((g) => g.groupName), eventSeq);
    await this.catchUp();
    if (announce) {
      this.#onChange({ list: true, groups: true, inGroups: new Set(this.list.groups) }, unread);
    }
  }
  /** Reads the events after the local eventSeq in batches and applies them. */
  async catchUp() {
    for (; ; ) {
      const batch = await this.#http.get(`/v1/events?after=${this.list.eventSeq}`);
      if (!batch.events.length) {
        return;
      }
      await this.receive(batch.events, true);
      if (this.list.eventSeq >= batch.last) {
        return;
      }
    }
  }
  /** Applies events in order (skipping any already applied) and tells what changed. */
  async receive(events, catchingUp = false) {
    const change = { list: false, groups: false, inGroups: /* @__PURE__ */ new Set() };
    const unread = this.list.totalUnread();
    for (const event of events) {
      if (event.event === "RESYNC") {
        await this.reload(true);
        this.#onReloaded(event.id);
        return;
      }
      if (event.id <= this.list.eventSeq) {
        continue;
      }
      if (event.id !== this.list.eventSeq + 1) {
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
    this.#onChange(change, unread);
  }
};

// src/tencent-constants.js
var TENCENT_EVENT = {
  SDK_READY: "sdkStateReady",
  SDK_NOT_READY: "sdkStateNotReady",
  SDK_DESTROY: "sdkDestroy",
  MESSAGE_RECEIVED: "onMessageReceived",
  ROOM_CUSTOM_DATA_RECEIVED: "onRoomCustomDataReceived",
  MESSAGE_MODIFIED: "onMessageModified",
  MESSAGE_REVOKED: "onMessageRevoked",
  MESSAGE_READ_BY_PEER: "onMessageReadByPeer",
  MESSAGE_READ_RECEIPT_RECEIVED: "onMessageReadReceiptReceived",
  MESSAGE_EXTENSIONS_UPDATED: "onMessageExtensionsUpdated",
  MESSAGE_EXTENSIONS_DELETED: "onMessageExtensionsDeleted",
  MESSAGE_REACTIONS_UPDATED: "onMessageReactionsUpdated",
  CONVERSATION_LIST_UPDATED: "onConversationListUpdated",
  TOTAL_UNREAD_MESSAGE_COUNT_UPDATED: "onTotalUnreadMessageCountUpdated",
  CONVERSATION_GROUP_LIST_UPDATED: "onConversationGroupListUpdated",
  CONVERSATION_IN_GROUP_UPDATED: "onConversationInGroupUpdated",
  GROUP_LIST_UPDATED: "onGroupListUpdated",
  GROUP_ATTRIBUTES_UPDATED: "groupAttributesUpdated",
  GROUP_COUNTER_UPDATED: "onGroupCounterUpdated",
  TOPIC_CREATED: "onTopicCreated",
  TOPIC_DELETED: "onTopicDeleted",
  TOPIC_UPDATED: "onTopicUpdated",
  PROFILE_UPDATED: "onProfileUpdated",
  USER_STATUS_UPDATED: "onUserStatusUpdated",
  BLACKLIST_UPDATED: "blacklistUpdated",
  FRIEND_LIST_UPDATED: "onFriendListUpdated",
  FRIEND_GROUP_LIST_UPDATED: "onFriendGroupListUpdated",
  FRIEND_APPLICATION_LIST_UPDATED: "onFriendApplicationListUpdated",
  MY_FOLLOWERS_LIST_UPDATED: "onMyFollowersListUpdated",
  MY_FOLLOWING_LIST_UPDATED: "onMyFollowingListUpdated",
  MUTUAL_FOLLOWERS_LIST_UPDATED: "onMutualFollowersListUpdated",
  KICKED_OUT: "kickedOut",
  ERROR: "error",
  NET_STATE_CHANGE: "netStateChange",
  ALL_RECEIVE_MESSAGE_OPT_UPDATED: "onAllReceiveMessageOptUpdated",
  SERVER_CONFIG_UPDATED: "onServerConfigUpdated",
  PINNED_GROUP_MESSAGE_UPDATED: "onPinnedGroupMessageUpdated"
};
var TENCENT_TYPES = {
  MSG_TEXT: "TIMTextElem",
  MSG_IMAGE: "TIMImageElem",
  MSG_SOUND: "TIMSoundElem",
  MSG_AUDIO: "TIMSoundElem",
  MSG_FILE: "TIMFileElem",
  MSG_FACE: "TIMFaceElem",
  MSG_VIDEO: "TIMVideoFileElem",
  MSG_GEO: "TIMLocationElem",
  MSG_LOCATION: "TIMLocationElem",
  MSG_GRP_TIP: "TIMGroupTipElem",
  MSG_GRP_SYS_NOTICE: "TIMGroupSystemNoticeElem",
  MSG_CUSTOM: "TIMCustomElem",
  MSG_MERGER: "TIMRelayElem",
  MSG_PRIORITY_HIGH: "High",
  MSG_PRIORITY_NORMAL: "Normal",
  MSG_PRIORITY_LOW: "Low",
  MSG_PRIORITY_LOWEST: "Lowest",
  CONV_C2C: "C2C",
  CONV_GROUP: "GROUP",
  CONV_TOPIC: "TOPIC",
  CONV_SYSTEM: "@TIM#SYSTEM",
  CONV_AT_ME: 1,
  CONV_AT_ALL: 2,
  CONV_AT_ALL_AT_ME: 3,
  CONV_MARK_TYPE_STAR: 1,
  CONV_MARK_TYPE_UNREAD: 2,
  CONV_MARK_TYPE_FOLD: 4,
  CONV_MARK_TYPE_HIDE: 8,
  GRP_PRIVATE: "Private",
  GRP_WORK: "Private",
  GRP_PUBLIC: "Public",
  GRP_CHATROOM: "ChatRoom",
  GRP_MEETING: "ChatRoom",
  GRP_AVCHATROOM: "AVChatRoom",
  GRP_COMMUNITY: "Community",
  GRP_ROOM: "Room",
  GRP_LIVE: "Live",
  GRP_MBR_ROLE_OWNER: "Owner",
  GRP_MBR_ROLE_ADMIN: "Admin",
  GRP_MBR_ROLE_MEMBER: "Member",
  GRP_MBR_ROLE_CUSTOM: "Custom",
  GRP_TIP_MBR_JOIN: 1,
  GRP_TIP_MBR_QUIT: 2,
  GRP_TIP_MBR_KICKED_OUT: 3,
  GRP_TIP_MBR_SET_ADMIN: 4,
  GRP_TIP_MBR_CANCELED_ADMIN: 5,
  GRP_TIP_GRP_PROFILE_UPDATED: 6,
  GRP_TIP_MBR_PROFILE_UPDATED: 7,
  GRP_TIP_BAN_AVCHATROOM_MEMBER: 10,
  GRP_TIP_UNBAN_AVCHATROOM_MEMBER: 11,
  MSG_REMIND_ACPT_AND_NOTE: "AcceptAndNotify",
  MSG_REMIND_ACPT_NOT_NOTE: "AcceptNotNotify",
  MSG_REMIND_DISCARD: "Discard",
  RECEIVE_WITH_OFFLINE_PUSH_EXCEPT_AT: "AcceptNotNotifyExceptAt",
  NOT_RECEIVE_OFFLINE_PUSH_EXCEPT_AT: "AcceptNotNotifyExceptAt",
  NOT_RECEIVE_MSG_EXCEPT_AT: "NotReceiveMsgExceptAt",
  GENDER_UNKNOWN: "Gender_Type_Unknown",
  GENDER_FEMALE: "Gender_Type_Female",
  GENDER_MALE: "Gender_Type_Male",
  KICKED_OUT_MULT_ACCOUNT: "multipleAccount",
  KICKED_OUT_MULT_DEVICE: "multipleDevice",
  KICKED_OUT_USERSIG_EXPIRED: "userSigExpired",
  KICKED_OUT_REST_API: "REST_API_Kick",
  ALLOW_TYPE_ALLOW_ANY: "AllowType_Type_AllowAny",
  ALLOW_TYPE_NEED_CONFIRM: "AllowType_Type_NeedConfirm",
  ALLOW_TYPE_DENY_ANY: "AllowType_Type_DenyAny",
  FORBID_TYPE_NONE: "AdminForbid_Type_None",
  FORBID_TYPE_SEND_OUT: "AdminForbid_Type_SendOut",
  JOIN_OPTIONS_FREE_ACCESS: "FreeAccess",
  JOIN_OPTIONS_NEED_PERMISSION: "NeedPermission",
  JOIN_OPTIONS_DISABLE_APPLY: "DisableApply",
  JOIN_STATUS_SUCCESS: "JoinedSuccess",
  JOIN_STATUS_ALREADY_IN_GROUP: "AlreadyInGroup",
  JOIN_STATUS_WAIT_APPROVAL: "WaitAdminApproval",
  INVITE_OPTIONS_DISABLE_INVITE: "DisableInvite",
  INVITE_OPTIONS_NEED_PERMISSION: "NeedPermission",
  INVITE_OPTIONS_FREE_ACCESS: "FreeAccess",
  GRP_PROFILE_OWNER_ID: "ownerID",
  GRP_PROFILE_CREATE_TIME: "createTime",
  GRP_PROFILE_LAST_INFO_TIME: "lastInfoTime",
  GRP_PROFILE_MEMBER_NUM: "memberNum",
  GRP_PROFILE_MAX_MEMBER_NUM: "maxMemberNum",
  GRP_PROFILE_JOIN_OPTION: "joinOption",
  GRP_PROFILE_INVITE_OPTION: "inviteOption",
  GRP_PROFILE_INTRODUCTION: "introduction",
  GRP_PROFILE_NOTIFICATION: "notification",
  GRP_PROFILE_MUTE_ALL_MBRS: "muteAllMembers",
  SNS_ADD_TYPE_SINGLE: "Add_Type_Single",
  SNS_ADD_TYPE_BOTH: "Add_Type_Both",
  SNS_DELETE_TYPE_SINGLE: "Delete_Type_Single",
  SNS_DELETE_TYPE_BOTH: "Delete_Type_Both",
  SNS_APPLICATION_TYPE_BOTH: "Pendency_Type_Both",
  SNS_APPLICATION_SENT_TO_ME: "Pendency_Type_ComeIn",
  SNS_APPLICATION_SENT_BY_ME: "Pendency_Type_SendOut",
  SNS_APPLICATION_AGREE: "Response_Action_Agree",
  SNS_APPLICATION_AGREE_AND_ADD: "Response_Action_AgreeAndAdd",
  SNS_CHECK_TYPE_BOTH: "CheckResult_Type_Both",
  SNS_CHECK_TYPE_SINGLE: "CheckResult_Type_Single",
  SNS_TYPE_NO_RELATION: "CheckResult_Type_NoRelation",
  SNS_TYPE_A_WITH_B: "CheckResult_Type_AWithB",
  SNS_TYPE_B_WITH_A: "CheckResult_Type_BWithA",
  SNS_TYPE_BOTH_WAY: "CheckResult_Type_BothWay",
  NET_STATE_CONNECTED: "connected",
  NET_STATE_CONNECTING: "connecting",
  NET_STATE_DISCONNECTED: "disconnected",
  MSG_AT_ALL: "__kImSDK_MesssageAtALL__",
  READ_ALL_C2C_MSG: "readAllC2CMessage",
  READ_ALL_GROUP_MSG: "readAllGroupMessage",
  READ_ALL_MSG: "readAllMessage",
  USER_STATUS_UNKNOWN: 0,
  USER_STATUS_ONLINE: 1,
  USER_STATUS_OFFLINE: 2,
  USER_STATUS_UNLOGINED: 3,
  IOS_OFFLINE_PUSH_NO_SOUND: "push.no_sound",
  IOS_OFFLINE_PUSH_DEFAULT_SOUND: "default"
};

// src/tencent.js
var MESSAGE_TYPES = { text: "TIMTextElem", image: "TIMImageElem", link: "TIMCustomElem" };
var WORK_GROUP = "Private";
function noMessage() {
  return {
    lastTime: 0,
    lastSequence: 0,
    fromAccount: "",
    messageForShow: "",
    payload: null,
    type: "",
    isRevoked: false,
    cloudCustomData: "",
    onlineOnlyFlag: false,
    nick: "",
    nameCard: "",
    version: 0,
    isPeerRead: false,
    revoker: null
  };
}
function tencentLastMessage(m) {
  if (!m) {
    return noMessage();
  }
  const images = m.attachment && Array.isArray(m.attachment.images) ? m.attachment.images : [];
  const forShow = m.type === "image" ? m.text || "[Image]" : m.type === "link" ? m.text || m.attachment && m.attachment.title || "[Link]" : m.text;
  return {
    ...noMessage(),
    ...m,
    messageForShow: forShow,
    lastTime: Math.floor(m.sentAt / 1e3),
    lastSequence: m.messageId,
    fromAccount: m.senderId,
    type: MESSAGE_TYPES[m.type] || m.type,
    payload: m.type === "text" ? { text: m.text } : m.type === "image" ? { imageInfoArray: images.map((url) => ({ url })) } : { data: JSON.stringify(m.attachment || {}), description: m.text || "" }
  };
}
function toTencent(c) {
  const group = c.type === "GROUP";
  const avatar = c.avatarIcons && c.avatarIcons.length ? c.avatarIcons[0] : "";
  return {
    conversationID: c.conversationID,
    type: c.type,
    subType: group ? WORK_GROUP : "",
    unreadCount: c.unreadCount,
    lastMessage: tencentLastMessage(c.lastMessage),
    peerReadTime: 0,
    groupProfile: group ? { groupID: c.chatId, name: c.title, avatar, memberCount: c.memberCount, type: WORK_GROUP } : { groupID: "", name: "", avatar: "", memberCount: 0, type: "" },
    userProfile: group ? { userID: "", nick: "", avatar: "" } : { userID: c.conversationID.slice(3), nick: c.title, avatar },
    groupAtInfoList: [],
    remark: "",
    isPinned: c.isPinned,
    messageRemindType: c.messageRemindType || "AcceptAndNotify",
    markList: [...c.markList || []],
    customData: c.customData,
    conversationGroupList: [...c.groupList],
    draftText: c.draftText,
    /** Tencent's getter: the user (C2C) or group (GROUP) the conversation is with. */
    get toAccount() {
      return c.conversationID.slice(c.type.length);
    },
    // The service's own fields.
    chatId: c.chatId,
    title: c.title,
    avatarIcons: [...c.avatarIcons],
    memberCount: c.memberCount,
    activityAt: c.activityAt,
    updatedAt: c.updatedAt
  };
}

// src/chat.js
var EVENT = Object.freeze({
  ...TENCENT_EVENT,
  // Not in Tencent's SDK: the service no longer held this client's place in the log, so the SDK reloaded the
  // list (data: {last}); the list and group events that follow carry the reloaded state.
  CONVERSATION_LIST_RELOADED: "onConversationListReloaded"
});
var TYPES = Object.freeze({ ...TENCENT_TYPES });
var ok = (data) => ({ code: 0, data });
var INTERNALS = /* @__PURE__ */ Symbol.for("conversations.internals");
var ChatSDK = class {
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
    if (options.server !== void 0 && typeof options.server !== "string") {
      throw malformed("server", "the service URL, e.g. https://conversations.example.com");
    }
    this.#http = new Http({
      server: options.server || defaultServer(),
      token: () => this.#userSig,
      fetchImpl: options.fetch
    });
    this.#sync = new ListSync({
      http: this.#http,
      onChange: (change, unreadBefore) => this.#announce(change, unreadBefore),
      onReloaded: (last) => this.#events.emit(EVENT.CONVERSATION_LIST_RELOADED, { last })
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
      if (!options || typeof options !== "object") {
        throw malformed("options", "an object {userID, userSig}");
      }
      const userID = requireString(options.userID, "userID");
      const userSig = requireString(options.userSig, "userSig");
      const claims = readClaims(userSig);
      if (!claims || claims.sub !== userID) {
        throw new ConversationsError(NOT_LOGGED_IN, "userSig is not a token issued for userID " + userID, 401);
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
        onError: (error) => this.#events.emit(
          EVENT.ERROR,
          { code: error.code, message: error.message, data: { during: "stream" } }
        )
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
    return this.#userID || "";
  }
  #stop() {
    this.#reader?.stop();
    this.#reader = null;
  }
  #kickedOut(error) {
    this.#loaded = false;
    this.#ready = false;
    this.#events.emit(EVENT.KICKED_OUT, {
      type: TYPES.KICKED_OUT_USERSIG_EXPIRED,
      code: error.code,
      message: error.message
    });
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
        this.#events.emit(
          EVENT.CONVERSATION_IN_GROUP_UPDATED,
          { groupName, conversationList: list.inGroup(groupName).map(toTencent) }
        );
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
      await this.#loggingIn.catch(() => {
      });
    }
    if (!this.#loaded) {
      throw new ConversationsError(SDK_IS_NOT_READY, "call login({userID, userSig}) first", 401);
    }
  }
  /**
   * A write: once it answers, the events it recorded are applied before the caller sees the result. The write is
   * done when the service answered it: a catch-up that fails afterwards is raised as an ERROR event (the stream
   * catches up later), never as the write's failure (a client would retry what was applied).
   */
  async #write(call2) {
    await this.#session();
    const answer = await call2();
    await this.#catchUp();
    return answer;
  }
  async #catchUp() {
    try {
      await this.#sync.serially(() => this.#sync.catchUp());
    } catch (e) {
      this.#events.emit(EVENT.ERROR, { code: e.code ?? 0, message: e.message, data: { during: "catch-up" } });
    }
  }
  // ---- conversations ---------------------------------------------------------------------------------
  /** `()` every conversation, `([ids])` those, `({groupName})` / `({type})` / `({hasUnreadCount})` a filter. */
  async getConversationList(options) {
    await this.#session();
    let list = this.#sync.list.visible();
    if (Array.isArray(options)) {
      requireIdList(options, "conversationIDList");
      const wanted = new Set(options);
      list = list.filter((c) => wanted.has(c.conversationID));
    } else if (options && typeof options === "object") {
      if (options.groupName !== void 0) {
        requireString(options.groupName, "groupName");
        if (!this.#sync.list.groups.includes(options.groupName)) {
          throw new ConversationsError(51009, `conversation group ${options.groupName} does not exist`, 404);
        }
        list = list.filter((c) => c.groupList.includes(options.groupName));
      }
      if (options.type !== void 0) {
        list = list.filter((c) => c.type === options.type);
      }
      if (options.hasUnreadCount) {
        list = list.filter((c) => c.unreadCount > 0);
      }
      if (options.markType !== void 0) {
        requireMark(options.markType);
        list = list.filter((c) => (c.markList || []).includes(options.markType));
      }
    } else if (options !== void 0) {
      throw malformed("options", "an array of conversation ids or {groupName, type}");
    }
    return ok({ conversationList: list.map(toTencent), isSyncCompleted: true });
  }
  async getConversationProfile(conversationID) {
    await this.#session();
    requireString(conversationID, "conversationID");
    return ok({ conversation: await this.#profile(conversationID) });
  }
  /** A conversation in Tencent's shape: from the local list when it is there, else from the service. */
  async #profile(conversationID) {
    const local = this.#sync.list.conversations.get(conversationID);
    return toTencent(local && !local.isHidden ? local : await this.#http.get(`/v1/conversations/${seg(conversationID)}`));
  }
  getTotalUnreadMessageCount() {
    return this.#loaded ? this.#sync.list.totalUnread() : 0;
  }
  async pinConversation(options) {
    const { conversationID, isPinned } = options || {};
    requireString(conversationID, "conversationID");
    if (typeof isPinned !== "boolean") {
      throw malformed("isPinned", "true or false");
    }
    await this.#write(() => this.#http.put(`/v1/conversations/${seg(conversationID)}/pin`, { isPinned }));
    return ok({ conversationID });
  }
  async setConversationDraft(options) {
    const { conversationID, draftText } = options || {};
    requireString(conversationID, "conversationID");
    if (typeof draftText !== "string") {
      throw malformed("draftText", "a string");
    }
    await this.#write(() => this.#http.put(`/v1/conversations/${seg(conversationID)}/draft`, { draftText }));
    return ok({ conversation: await this.#profile(conversationID) });
  }
  async setConversationCustomData(options) {
    const { conversationIDList, customData } = options || {};
    requireIdList(conversationIDList, "conversationIDList");
    if (typeof customData !== "string") {
      throw malformed("customData", "a string of at most 256 bytes");
    }
    return ok(await this.#each(conversationIDList, (id) => this.#http.put(`/v1/conversations/${seg(id)}/custom-data`, { customData })));
  }
  async setMessageRead(options) {
    const { conversationID } = options || {};
    requireString(conversationID, "conversationID");
    await this.#write(() => this.#http.post(`/v1/conversations/${seg(conversationID)}/read`));
    return ok({ conversationID });
  }
  /**
   * Takes conversations off the list until new activity: `(id)` or `({conversationIDList, clearHistoryMessage})`.
   * As in Tencent's SDK, their history is cleared too unless `clearHistoryMessage` is false.
   */
  async deleteConversation(options) {
    if (typeof options === "string") {
      requireString(options, "conversationID");
      await this.#write(() => this.#http.delete(`/v1/conversations/${seg(options)}?clearHistory=true`));
      return ok({ conversationID: options });
    }
    const { conversationIDList, clearHistoryMessage = true } = options || {};
    requireIdList(conversationIDList, "conversationIDList");
    if (typeof clearHistoryMessage !== "boolean") {
      throw malformed("clearHistoryMessage", "true or false");
    }
    return ok(await this.#each(
      conversationIDList,
      (id) => this.#http.delete(`/v1/conversations/${seg(id)}?clearHistory=${clearHistoryMessage}`)
    ));
  }
  /** Clears a conversation's history for this user: no last message, nothing unread. */
  async clearHistoryMessage(conversationID) {
    requireString(conversationID, "conversationID");
    await this.#write(() => this.#http.post(`/v1/conversations/${seg(conversationID)}/clear-history`));
    return ok({ conversationID });
  }
  /** Sets or clears one mark on several conversations; resolves Tencent's success and failure lists. */
  async markConversation(options) {
    const { conversationIDList, markType, enableMark } = options || {};
    requireIdList(conversationIDList, "conversationIDList");
    requireMark(markType);
    if (typeof enableMark !== "boolean") {
      throw malformed("enableMark", "true or false");
    }
    const answer = await this.#write(() => this.#http.post(
      "/v1/conversations/marks",
      { conversationIDList, markType, enableMark }
    ));
    return ok(successAndFailure(answer));
  }
  /**
   * Do-not-disturb and the like: `({groupID, messageRemindType})` for a group chat, `({userIDList,
   * messageRemindType})` for one-to-one chats.
   */
  async setMessageRemindType(options) {
    const { groupID, userIDList, messageRemindType } = options || {};
    if (![TYPES.MSG_REMIND_ACPT_AND_NOTE, TYPES.MSG_REMIND_ACPT_NOT_NOTE, TYPES.MSG_REMIND_DISCARD].includes(messageRemindType)) {
      throw malformed("messageRemindType", "TencentCloudChat.TYPES.MSG_REMIND_ACPT_AND_NOTE, MSG_REMIND_ACPT_NOT_NOTE or MSG_REMIND_DISCARD");
    }
    let ids;
    if (groupID !== void 0) {
      ids = [TYPES.CONV_GROUP + requireString(groupID, "groupID")];
    } else {
      requireIdList(userIDList, "userIDList");
      ids = userIDList.map((u) => TYPES.CONV_C2C + u);
    }
    const answer = await this.#each(ids, (id) => this.#http.put(
      `/v1/conversations/${seg(id)}/remind-type`,
      { messageRemindType }
    ));
    return ok(answer);
  }
  /** Reads every conversation (`scope` READ_ALL_MSG, the default), or every one-to-one or group one. */
  async setAllMessageRead(options) {
    const scope = options && options.scope || TYPES.READ_ALL_MSG;
    if (scope === TYPES.READ_ALL_MSG) {
      await this.#write(() => this.#http.post("/v1/conversations/read-all"));
      return ok({});
    }
    const type = scope === TYPES.READ_ALL_C2C_MSG ? TYPES.CONV_C2C : scope === TYPES.READ_ALL_GROUP_MSG ? TYPES.CONV_GROUP : null;
    if (!type) {
      throw malformed("scope", "TencentCloudChat.TYPES.READ_ALL_MSG, READ_ALL_C2C_MSG or READ_ALL_GROUP_MSG");
    }
    await this.#session();
    const unread = [...this.#sync.list.conversations.values()].filter((c) => c.type === type && c.unreadCount > 0).map((c) => c.conversationID);
    await this.#each(unread, (id) => this.#http.post(`/v1/conversations/${seg(id)}/read`));
    return ok({});
  }
  /** One call per id; refusals go to the failure list as the service's group calls do. */
  async #each(ids, call2) {
    await this.#session();
    const successConversationIDList = [];
    const failureConversationIDList = [];
    for (const id of ids) {
      try {
        await call2(id);
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
    return ok(profile(this.#userID, "", ""));
  }
  /** Tencent's Profiles: a user the user has a one-to-one conversation with has its nick and avatar from it. */
  async getUserProfile(options) {
    await this.#session();
    const { userIDList } = options || {};
    requireIdList(userIDList, "userIDList");
    return ok(userIDList.map((userID) => {
      const c = this.#sync.list.conversations.get(TYPES.CONV_C2C + userID);
      return profile(userID, c ? c.title : "", c && c.avatarIcons.length ? c.avatarIcons[0] : "");
    }));
  }
  /** The group chats the user is in (from the conversation list), as Tencent's groupList. */
  async getGroupList() {
    await this.#session();
    const groupList = [...this.#sync.list.conversations.values()].filter((c) => c.type === TYPES.CONV_GROUP).map((c) => toTencent(c).groupProfile);
    return ok({ groupList });
  }
  // ---- conversation groups (seed 004) ----------------------------------------------------------------
  async getConversationGroupList() {
    await this.#session();
    return ok([...this.#sync.list.groups]);
  }
  async createConversationGroup(options) {
    const { groupName, conversationIDList = [] } = options || {};
    requireString(groupName, "groupName");
    requireIdList(conversationIDList, "conversationIDList");
    const answer = await this.#write(() => this.#http.post("/v1/conversation-groups", { groupName, conversationIDList }));
    return ok(successAndFailure(answer));
  }
  async deleteConversationGroup(groupName) {
    requireString(groupName, "groupName");
    await this.#write(() => this.#http.delete(`/v1/conversation-groups/${seg(groupName)}`));
    return ok({ groupName });
  }
  async renameConversationGroup(options) {
    const { oldName, newName } = options || {};
    requireString(oldName, "oldName");
    requireString(newName, "newName");
    await this.#write(() => this.#http.patch(`/v1/conversation-groups/${seg(oldName)}`, { newName }));
    return ok({ oldName, newName });
  }
  async addConversationsToGroup(options) {
    const { groupName, conversationIDList } = options || {};
    requireString(groupName, "groupName");
    requireIdList(conversationIDList, "conversationIDList");
    const answer = await this.#write(() => this.#http.post(`/v1/conversation-groups/${seg(groupName)}/conversations`, { conversationIDList }));
    return ok(successAndFailure(answer));
  }
  async deleteConversationsFromGroup(options) {
    const { groupName, conversationIDList } = options || {};
    requireString(groupName, "groupName");
    requireIdList(conversationIDList, "conversationIDList");
    const answer = await this.#write(() => this.#http.delete(`/v1/conversation-groups/${seg(groupName)}/conversations`, { conversationIDList }));
    return ok(successAndFailure(answer));
  }
  // ---- messages --------------------------------------------------------------------------------------
  /** Tencent's createTextMessage: a message to send with sendMessage (to a userID for C2C, a groupID for GROUP). */
  createTextMessage(options) {
    const { to, conversationType, payload } = options || {};
    requireString(to, "to");
    if (conversationType !== TYPES.CONV_C2C && conversationType !== TYPES.CONV_GROUP) {
      throw malformed("conversationType", "TencentCloudChat.TYPES.CONV_C2C or CONV_GROUP");
    }
    if (!payload || typeof payload.text !== "string") {
      throw malformed("payload.text", "a string");
    }
    this.#messageDrafts += 1;
    return {
      ID: `local-${this.#messageDrafts}`,
      to,
      conversationType,
      conversationID: conversationType + to,
      type: TYPES.MSG_TEXT,
      payload: { text: payload.text },
      status: "unSend"
    };
  }
  /** Sends a message made by createTextMessage; resolves {message} with the service's Message fields. */
  async sendMessage(message) {
    if (!message || typeof message.conversationID !== "string") {
      throw malformed("message", "a message from createTextMessage");
    }
    await this.#session();
    const conversation = this.#sync.list.conversations.get(message.conversationID) || await this.#http.get(`/v1/conversations/${seg(message.conversationID)}`);
    const sent = await this.#write(() => this.#http.post(
      `/v1/chats/${seg(conversation.chatId)}/messages`,
      { type: "text", text: message.payload.text }
    ));
    return ok({ message: {
      ...message,
      ID: sent.messageId,
      status: "success",
      time: Math.floor(sent.sentAt / 1e3),
      ...sent
    } });
  }
};
var beyondConversations = {
  /** `canIUseModule` answers false synchronously (as Tencent's does for a module not loaded); others resolve. */
  callExperimentalAPI(key) {
    if (key === "canIUseModule") {
      return false;
    }
    return Promise.resolve(ok(key === "isCommercialAbilityEnabled" ? { enabled: false } : {}));
  },
  setLogLevel() {
  },
  registerPlugin() {
  },
  use() {
  },
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
  }
};
Object.assign(ChatSDK.prototype, beyondConversations);
function profile(userID, nick, avatar) {
  return {
    userID,
    nick,
    avatar,
    gender: "",
    selfSignature: "",
    allowType: "",
    birthday: 0,
    location: "",
    language: 0,
    messageSettings: 0,
    adminForbidType: "",
    level: 0,
    role: 0,
    lastUpdatedTime: 0,
    profileCustomField: []
  };
}
function requireMark(markType) {
  if (!Number.isSafeInteger(markType) || markType < 1) {
    throw malformed("markType", "a positive integer, e.g. TencentCloudChat.TYPES.CONV_MARK_TYPE_STAR");
  }
  return markType;
}
function successAndFailure(answer) {
  return {
    successConversationIDList: answer.successConversationIDList || [],
    failureConversationIDList: answer.failureConversationIDList || []
  };
}
var TencentCloudChat = Object.freeze({
  create(options) {
    return new ChatSDK(options || {});
  },
  EVENT,
  TYPES,
  VERSION: "0.1.0"
});

// src/picker.js
var PAGE2 = 30;
var STYLE_ID = "cv-picker-style";
var CSS = `
.cv-picker-backdrop{position:fixed;inset:0;background:rgba(15,23,42,.45);display:flex;align-items:center;
  justify-content:center;z-index:2147483000;font:14px/1.4 system-ui,-apple-system,"Segoe UI","PingFang SC",sans-serif}
.cv-picker{background:#fff;color:#0f172a;width:min(420px,92vw);max-height:min(560px,88vh);display:flex;
  flex-direction:column;border-radius:12px;box-shadow:0 20px 50px rgba(0,0,0,.3);overflow:hidden}
.cv-picker h2{font-size:16px;margin:0;padding:16px 16px 8px}
.cv-picker input{margin:0 16px 8px;padding:8px 10px;border:1px solid #cbd5e1;border-radius:8px;font:inherit}
.cv-picker input:focus{outline:2px solid #2563eb;outline-offset:0}
.cv-picker ul{list-style:none;margin:0;padding:0 8px;overflow-y:auto;flex:1;min-height:120px}
.cv-picker li{padding:10px 12px;border-radius:8px;cursor:pointer;display:flex;gap:10px;align-items:center}
.cv-picker li .cv-avatar{width:28px;height:28px;border-radius:50%;background:#dbeafe;color:#1e40af;display:flex;
  align-items:center;justify-content:center;font-weight:600;flex:none}
.cv-picker li[aria-selected=true]{background:#2563eb;color:#fff}
.cv-picker li:hover:not([aria-selected=true]){background:#f1f5f9}
.cv-picker .cv-status{padding:8px 16px;color:#64748b;min-height:20px}
.cv-picker .cv-actions{display:flex;justify-content:flex-end;gap:8px;padding:12px 16px;border-top:1px solid #e2e8f0}
.cv-picker button{font:inherit;padding:6px 14px;border-radius:8px;border:1px solid #cbd5e1;background:#fff;cursor:pointer}
.cv-picker button.cv-primary{background:#2563eb;border-color:#2563eb;color:#fff}
.cv-picker .cv-confirm{padding:8px 16px 16px}
`;
var dialogs = 0;
async function openPicker({ http: http2, corpId, confirm, heading = "Choose a chat", confirmText = "Send to" }) {
  if (typeof document === "undefined") {
    throw new ConversationsError(40001, "the picker needs a page (document)");
  }
  const path = `/v1/corps/${seg(corpId)}/chats`;
  const first = await http2.get(`${path}?count=${PAGE2}`);
  injectStyle();
  const id = `cv-picker-${++dialogs}`;
  const backdrop = element("div", { class: "cv-picker-backdrop" });
  const dialog = element("div", {
    class: "cv-picker",
    role: "dialog",
    "aria-modal": "true",
    "aria-labelledby": `${id}-title`
  });
  const title = element("h2", { id: `${id}-title` }, heading);
  const input = element("input", {
    type: "search",
    placeholder: "Search by title",
    autocomplete: "off",
    role: "combobox",
    "aria-expanded": "true",
    "aria-controls": `${id}-list`,
    "aria-label": "Search chats"
  });
  const list = element("ul", { id: `${id}-list`, role: "listbox", "aria-label": "Chats" });
  const status = element("div", { class: "cv-status", "aria-live": "polite" });
  const cancel = element("button", { type: "button", "data-action": "cancel" }, "Cancel");
  const actions = element("div", { class: "cv-actions" }, cancel);
  dialog.append(title, input, list, status, actions);
  backdrop.append(dialog);
  const opener = document.activeElement;
  document.body.append(backdrop);
  const state = {
    chats: [],
    cursor: "",
    finished: true,
    loading: false,
    active: -1,
    query: "",
    generation: 0,
    confirming: null
  };
  return new Promise((resolve, reject) => {
    const close = () => {
      backdrop.remove();
      if (opener && typeof opener.focus === "function") {
        opener.focus();
      }
    };
    const cancelled = () => {
      close();
      reject(new ConversationsError(CANCELLED, "the user cancelled the picker"));
    };
    const chosen = (chat) => {
      close();
      resolve(chat);
    };
    const render = () => {
      list.replaceChildren(...state.chats.map((chat, i) => {
        const option = element(
          "li",
          {
            id: `${id}-opt-${i}`,
            role: "option",
            "aria-selected": String(i === state.active),
            "data-chat-id": chat.chatId
          },
          element("span", { class: "cv-avatar", "aria-hidden": "true" }, initial(chat.title)),
          element("span", { class: "cv-title" }, chat.title)
        );
        option.addEventListener("click", () => pick(i));
        return option;
      }));
      if (state.active >= 0) {
        input.setAttribute("aria-activedescendant", `${id}-opt-${state.active}`);
      } else {
        input.removeAttribute("aria-activedescendant");
      }
      status.textContent = state.loading ? "Loading…" : state.chats.length === 0 ? state.query ? `No chat matches “${state.query}”` : "No chats to pick" : "";
    };
    const show = (page, append) => {
      state.chats = append ? state.chats.concat(page.chats) : page.chats;
      state.cursor = page.nextCursor || "";
      state.finished = page.isFinished || !page.nextCursor;
      if (!append) {
        state.active = state.chats.length ? 0 : -1;
      }
      render();
      fill();
    };
    const load = async (append) => {
      const generation = state.generation;
      state.loading = true;
      render();
      try {
        const query = state.query ? `&query=${encodeURIComponent(state.query)}` : "";
        const cursor = append && state.cursor ? `&cursor=${encodeURIComponent(state.cursor)}` : "";
        const page = await http2.get(`${path}?count=${PAGE2}${query}${cursor}`);
        if (generation === state.generation) {
          state.loading = false;
          show(page, append);
        }
      } catch (e) {
        if (generation === state.generation) {
          state.loading = false;
          render();
          status.textContent = `Could not load chats: ${e.message}`;
        }
      }
    };
    const fill = () => {
      if (!state.finished && !state.loading && list.scrollHeight <= list.clientHeight + 40) {
        load(true);
      }
    };
    const move = (to) => {
      if (!state.chats.length) {
        return;
      }
      state.active = Math.max(0, Math.min(state.chats.length - 1, to));
      render();
      list.children[state.active]?.scrollIntoView({ block: "nearest" });
      if (state.active >= state.chats.length - 3 && !state.finished && !state.loading) {
        load(true);
      }
    };
    const pick = (i) => {
      const chat = state.chats[i];
      if (!chat) {
        return;
      }
      if (!confirm) {
        chosen(chat);
        return;
      }
      state.confirming = chat;
      const question = element("div", { class: "cv-confirm", role: "alert" }, `${confirmText} “${chat.title}”?`);
      const back = element("button", { type: "button", "data-action": "back" }, "Back");
      const ok2 = element("button", { type: "button", class: "cv-primary", "data-action": "confirm" }, "Confirm");
      back.addEventListener("click", unconfirm);
      ok2.addEventListener("click", () => chosen(chat));
      input.hidden = true;
      list.hidden = true;
      status.hidden = true;
      dialog.insertBefore(question, actions);
      actions.replaceChildren(back, ok2);
      ok2.focus();
    };
    const unconfirm = () => {
      state.confirming = null;
      dialog.querySelector(".cv-confirm")?.remove();
      actions.replaceChildren(cancel);
      input.hidden = false;
      list.hidden = false;
      status.hidden = false;
      input.focus();
    };
    let debounce = null;
    input.addEventListener("input", () => {
      clearTimeout(debounce);
      debounce = setTimeout(() => {
        state.query = input.value.trim();
        state.generation += 1;
        state.chats = [];
        state.active = -1;
        load(false);
      }, 150);
    });
    list.addEventListener("scroll", () => {
      if (list.scrollTop + list.clientHeight >= list.scrollHeight - 40) {
        fill();
        if (!state.finished && !state.loading) {
          load(true);
        }
      }
    });
    cancel.addEventListener("click", cancelled);
    backdrop.addEventListener("mousedown", (e) => {
      if (e.target === backdrop) {
        cancelled();
      }
    });
    dialog.addEventListener("keydown", (e) => {
      if (state.confirming) {
        if (e.key === "Escape") {
          e.preventDefault();
          unconfirm();
        } else if (e.key === "Enter" && e.target.tagName !== "BUTTON") {
          e.preventDefault();
          chosen(state.confirming);
        }
        return;
      }
      switch (e.key) {
        case "ArrowDown":
          e.preventDefault();
          move(state.active + 1);
          break;
        case "ArrowUp":
          e.preventDefault();
          move(state.active - 1);
          break;
        case "PageDown":
          e.preventDefault();
          move(state.active + 8);
          break;
        case "PageUp":
          e.preventDefault();
          move(state.active - 8);
          break;
        case "Home":
          if (e.target !== input) {
            e.preventDefault();
            move(0);
          }
          break;
        case "End":
          if (e.target !== input) {
            e.preventDefault();
            move(state.chats.length - 1);
          }
          break;
        case "Enter":
          e.preventDefault();
          pick(state.active);
          break;
        case "Escape":
          e.preventDefault();
          cancelled();
          break;
        case "Tab":
          e.preventDefault();
          (document.activeElement === input ? cancel : input).focus();
          break;
        default:
          break;
      }
    });
    show(first, false);
    input.focus();
  });
}
function injectStyle() {
  if (!document.getElementById(STYLE_ID)) {
    const style = element("style", { id: STYLE_ID }, CSS);
    document.head.append(style);
  }
}
function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}
function initial(title) {
  return (title || "?").trim().slice(0, 1).toUpperCase() || "?";
}

// src/dingtalk.js
var settings = { server: null, userSig: null, corpId: null };
var openers = [];
function http() {
  const latest = sessions.latest;
  const token = settings.userSig || latest && latest.token();
  if (!token) {
    throw new ConversationsError(NOT_LOGGED_IN, "call dd.config({userSig}) or log a chat in first", 401);
  }
  const server = settings.server || (latest && !settings.userSig ? latest.server() : null) || defaultServer();
  return new Http({ server, token: () => token });
}
function ownCorp() {
  const latest = sessions.latest;
  const claims = readClaims(settings.userSig || latest && latest.token() || "");
  return settings.corpId || claims && claims.corp || null;
}
function call(params, run) {
  const p = Promise.resolve().then(() => {
    if (params !== void 0 && (params === null || typeof params !== "object")) {
      throw malformed("params", "an object");
    }
    return run(params || {});
  });
  p.then((result) => notify(params, "onSuccess", result), (error) => notify(params, "onFail", error));
  return p;
}
function notify(params, name, value) {
  if (params && typeof params[name] === "function") {
    try {
      params[name](value);
    } catch (e) {
      console.error(`dd: ${name} threw`, e);
    }
  }
}
function corpOf(params) {
  const corpId = params.corpId === void 0 || params.corpId === "" ? ownCorp() : params.corpId;
  return requireString(corpId, "corpId");
}
function wantsConfirm(value) {
  return !(value === false || value === "false" || value === 0 || value === "0");
}
var picked = /* @__PURE__ */ new Map();
async function pickConversation(params) {
  const api = http();
  const corpId = corpOf(params);
  const chat = await openPicker({
    http: api,
    corpId,
    confirm: wantsConfirm(params.isConfirm),
    heading: params.title || "Choose a chat"
  });
  const token = await api.post(`/v1/corps/${seg(corpId)}/chats/${seg(chat.chatId)}/pick`, {});
  picked.set(token.cid, chat.cid);
  return { cid: token.cid, title: token.title };
}
function choose(params) {
  return openPicker({ http: http(), corpId: corpOf(params), confirm: false, heading: params.title || "Choose a chat" });
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
  const chatId = requireString(params.chatId, "chatId");
  const api = http();
  const resolved = await api.get(`/v1/corps/${seg(corpId)}/chats/${seg(chatId)}`);
  const conversation = await api.get(`/v1/conversations/${seg(resolved.conversationID)}`);
  const target = {
    corpId,
    chatId: resolved.chatId,
    conversationID: resolved.conversationID,
    title: resolved.title,
    conversation
  };
  openers.forEach((open) => {
    try {
      open(target);
    } catch (e) {
      console.error("dd: a toConversation handler threw", e);
    }
  });
  if (typeof window !== "undefined" && typeof CustomEvent === "function") {
    window.dispatchEvent(new CustomEvent("conversations:toconversation", { detail: target }));
  }
  return {};
}
async function getConversationInfo(params) {
  const cid = requireString(params.cid, "cid");
  return http().get(`/v1/chats/${seg(cid)}/info`);
}
var MESSAGE_TYPE = { 1: "image", 2: "link", image: "image", link: "link", text: "text" };
async function sendMessage(params) {
  const api = http();
  const type = MESSAGE_TYPE[params.type] || "text";
  const body = { type, text: typeof params.text === "string" ? params.text : "" };
  if (type !== "text") {
    body.attachment = params.attachment;
  }
  let chatIds;
  if (params.chatId !== void 0) {
    chatIds = [requireString(params.chatId, "chatId")];
  } else if (params.cid !== void 0) {
    const cid = requireString(params.cid, "cid");
    const conversation = await api.get(`/v1/conversations/${seg(picked.get(cid) || cid)}`);
    chatIds = [conversation.chatId];
  } else if (Array.isArray(params.users) && params.users.length) {
    chatIds = [];
    for (const user of params.users) {
      const conversation = await api.get(`/v1/conversations/${seg("C2C" + requireString(user, "users[]"))}`);
      chatIds.push(conversation.chatId);
    }
  } else {
    throw new ConversationsError(MALFORMED, "sendMessage needs chatId, cid or users", 400);
  }
  const messageList = [];
  for (const chatId of chatIds) {
    messageList.push(await api.post(`/v1/chats/${seg(chatId)}/messages`, body));
  }
  return { messageList };
}
var dd = Object.freeze({
  /** {userSig, server?, corpId?}: the user DingTalk's calls act as (DingTalk's own fields are accepted too). */
  config(options) {
    if (!options || typeof options !== "object") {
      throw malformed("options", "an object");
    }
    if (options.userSig !== void 0) settings.userSig = requireString(options.userSig, "userSig");
    if (options.server !== void 0) settings.server = requireString(options.server, "server");
    if (options.corpId !== void 0) settings.corpId = requireString(options.corpId, "corpId");
  },
  ready(callback) {
    Promise.resolve().then(callback);
  },
  error() {
  },
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
        if (typeof handler !== "function") {
          throw malformed("handler", "a function");
        }
        openers.push(handler);
        let registered = true;
        return () => {
          const at = openers.indexOf(handler);
          if (registered && at >= 0) {
            openers.splice(at, 1);
          }
          registered = false;
        };
      }
    })
  })
});
export {
  ChatSDK,
  ConversationsError,
  EVENT,
  TYPES,
  TencentCloudChat,
  dd,
  TencentCloudChat as default
};
