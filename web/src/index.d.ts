// Types of the Conversations web SDK. Names, arguments and fields follow @tencentcloud/chat (index.d.ts) and
// dingtalk-jsapi (api/biz/chat/*.d.ts), so code written against those compiles against this
// (web/test/types checks it).

/** What a refused call rejects with (Tencent's imError, DingTalk's onFail argument). */
export declare class ConversationsError extends Error {
  /** The service's code (API.md): 51009, 51010, 51011, 40101, 40301, 40401, ...; -1 when the user cancelled. */
  code: number;
  /** The HTTP status, 0 when the service was not reached. */
  status: number;
  errorCode: number;
  errorMessage: string;
}

export interface ChatResponse<T> {
  code: 0;
  data: T;
}

export interface ConversationFailure {
  conversationID: string;
  code: number;
  message: string;
}

export interface ConversationIDLists {
  successConversationIDList: string[];
  failureConversationIDList: ConversationFailure[];
}

export interface GroupProfile {
  groupID: string;
  name: string;
  avatar: string;
  memberCount: number;
  type: string;
}

export interface Profile {
  userID: string;
  nick: string;
  avatar: string;
}

export interface LastMessage {
  messageId: string;
  chatId: string;
  senderId: string;
  text: string;
  attachment: any;
  sentAt: number;
  messageForShow: string;
  /** Seconds, as Tencent's SDK has it. */
  lastTime: number;
  fromAccount: string;
  type: string;
  payload: any;
  isRevoked: boolean;
}

/** Tencent's Conversation, with the service's own fields beside. */
export interface Conversation {
  conversationID: string;
  type: 'C2C' | 'GROUP' | string;
  subType: string;
  unreadCount: number;
  lastMessage: LastMessage | null | any;
  groupProfile: GroupProfile;
  userProfile: Profile;
  groupAtInfoList: Array<any>;
  remark: string;
  isPinned: boolean;
  messageRemindType: string;
  markList: Array<number>;
  customData: string;
  conversationGroupList: Array<string>;
  draftText: string;
  chatId: string;
  title: string;
  avatarIcons: string[];
  memberCount: number;
  activityAt: number;
  updatedAt: number;
}

export interface ChatEvent<T = any> {
  name: string;
  data: T;
}

export interface CreateOptions {
  /** Accepted for Tencent's sake and not used. */
  SDKAppID?: number;
  /** The service's URL; by default where the SDK was loaded from, else the page's origin. */
  server?: string;
  fetch?: typeof fetch;
  [option: string]: unknown;
}

export interface TextMessage {
  ID: string;
  to: string;
  conversationType: string;
  conversationID: string;
  type: string;
  payload: { text: string };
  status: string;
  [field: string]: any;
}

export declare class ChatSDK {
  login(options: { userID: string; userSig: string }): Promise<ChatResponse<{ repeatLogin: boolean }>>;
  logout(): Promise<ChatResponse<{}>>;
  destroy(): Promise<ChatResponse<{}>>;
  isReady(): boolean;
  getLoginUser(): string;
  on(eventName: string, handler: (event: ChatEvent) => void, context?: any): void;
  off(eventName: string, handler: (event: ChatEvent) => void, context?: any): void;

  getConversationList(options?: string[] | { groupName?: string; type?: string; hasUnreadCount?: boolean; markType?: number; hasGroupAtInfo?: boolean })
    : Promise<ChatResponse<{ conversationList: Conversation[]; isSyncCompleted: boolean }>>;
  getConversationProfile(conversationID: string): Promise<ChatResponse<{ conversation: Conversation }>>;
  getTotalUnreadMessageCount(): number;
  pinConversation(options: { conversationID: string; isPinned: boolean }): Promise<ChatResponse<{ conversationID: string }>>;
  setConversationDraft(options: { conversationID: string; draftText: string }): Promise<ChatResponse<{ conversationID: string }>>;
  setConversationCustomData(options: { conversationIDList: string[]; customData: string }): Promise<ChatResponse<ConversationIDLists>>;
  setMessageRead(options: { conversationID: string }): Promise<ChatResponse<{ conversationID: string }>>;
  /** Takes conversations off the list; clears their history too unless clearHistoryMessage is false (Tencent's default). */
  deleteConversation(options: string | { conversationIDList: string[]; clearHistoryMessage?: boolean }): Promise<ChatResponse<any>>;
  clearHistoryMessage(conversationID: string): Promise<ChatResponse<{ conversationID: string }>>;
  markConversation(options: { conversationIDList: string[]; markType: number; enableMark: boolean }): Promise<ChatResponse<ConversationIDLists>>;
  setMessageRemindType(options: { groupID?: string; userIDList?: string[]; messageRemindType: string }): Promise<ChatResponse<ConversationIDLists>>;
  setAllMessageRead(options?: { scope?: string }): Promise<ChatResponse<{}>>;

  getConversationGroupList(): Promise<ChatResponse<string[]>>;
  createConversationGroup(options: { conversationIDList: string[]; groupName: string }): Promise<ChatResponse<ConversationIDLists>>;
  deleteConversationGroup(groupName: string): Promise<ChatResponse<{ groupName: string }>>;
  renameConversationGroup(options: { oldName: string; newName: string }): Promise<ChatResponse<{ oldName: string; newName: string }>>;
  addConversationsToGroup(options: { conversationIDList: string[]; groupName: string }): Promise<ChatResponse<ConversationIDLists>>;
  deleteConversationsFromGroup(options: { conversationIDList: string[]; groupName: string }): Promise<ChatResponse<ConversationIDLists>>;

  createTextMessage(options: { to: string; conversationType: string; payload: { text: string }; [option: string]: any }): TextMessage;
  sendMessage(message: TextMessage, options?: any): Promise<ChatResponse<{ message: TextMessage }>>;
}

export declare namespace TencentCloudChat {
  function create(options: CreateOptions): ChatSDK;
  const VERSION: string;
  enum EVENT {
    SDK_READY = 'sdkStateReady',
    SDK_NOT_READY = 'sdkStateNotReady',
    CONVERSATION_LIST_UPDATED = 'onConversationListUpdated',
    TOTAL_UNREAD_MESSAGE_COUNT_UPDATED = 'onTotalUnreadMessageCountUpdated',
    CONVERSATION_GROUP_LIST_UPDATED = 'onConversationGroupListUpdated',
    CONVERSATION_IN_GROUP_UPDATED = 'onConversationInGroupUpdated',
    KICKED_OUT = 'kickedOut',
    ERROR = 'error',
    NET_STATE_CHANGE = 'netStateChange',
    /** Not in Tencent's SDK: the list was reloaded because the service no longer held this client's place. */
    CONVERSATION_LIST_RELOADED = 'onConversationListReloaded',
  }
  enum TYPES {
    CONV_C2C = 'C2C',
    CONV_GROUP = 'GROUP',
    CONV_SYSTEM = '@TIM#SYSTEM',
    MSG_TEXT = 'TIMTextElem',
    MSG_IMAGE = 'TIMImageElem',
    MSG_CUSTOM = 'TIMCustomElem',
    MSG_REMIND_ACPT_AND_NOTE = 'AcceptAndNotify',
    MSG_REMIND_ACPT_NOT_NOTE = 'AcceptNotNotify',
    MSG_REMIND_DISCARD = 'Discard',
    CONV_MARK_TYPE_STAR = 0x1,
    CONV_MARK_TYPE_UNREAD = 0x2,
    CONV_MARK_TYPE_FOLD = 0x3,
    CONV_MARK_TYPE_HIDE = 0x4,
    READ_ALL_C2C_MSG = 'readAllC2CMessage',
    READ_ALL_GROUP_MSG = 'readAllGroupMessage',
    READ_ALL_MSG = 'readAllMessage',
    NET_STATE_CONNECTED = 'connected',
    NET_STATE_CONNECTING = 'connecting',
    NET_STATE_DISCONNECTED = 'disconnected',
    KICKED_OUT_USERSIG_EXPIRED = 'userSigExpired',
  }
}

export declare const EVENT: typeof TencentCloudChat.EVENT;
export declare const TYPES: typeof TencentCloudChat.TYPES;

/** DingTalk's callbacks beside the Promise every call returns. */
export interface DdCallbacks<R> {
  onSuccess?: (result: R) => void;
  onFail?: (error: ConversationsError | any) => void;
}

export interface PickConversationParams extends DdCallbacks<PickConversationResult> {
  corpId: string;
  /** The seed passes 'true'; default true. */
  isConfirm?: string | boolean;
  title?: string;
}
/** cid: a one-time id; the corp's backend may post one message with it (POST /v1/admin/corps/{corpId}/picked-chats/{cid}/messages). */
export interface PickConversationResult { cid: string; title: string }

export interface ChooseConversationByCorpIdParams extends DdCallbacks<ChooseConversationByCorpIdResult> {
  corpId: string;
  isAllowCreateGroup?: boolean;
  filterNotOwnerGroup?: boolean;
  title?: string;
}
export interface ChooseConversationByCorpIdResult { chatId: string; title: string }

export interface ToConversationParams extends DdCallbacks<{}> { corpId: string; chatId: string }

export interface ConversationInfo { cid: string; title: string; avatarIcons: string[]; memberCount: number }

export interface OpenedConversation {
  corpId: string;
  chatId: string;
  conversationID: string;
  title: string;
  conversation: any;
}

export interface SendMessageParams extends DdCallbacks<{ messageList: any[] }> {
  users?: string[];
  corpId?: string;
  chatId?: string;
  cid?: string;
  /** 1: image, 2: link, otherwise text. */
  type?: number | string;
  attachment?: { images: string[] } | { url: string; title?: string };
  text?: string;
}

export declare const dd: {
  config(options: { userSig?: string; server?: string; corpId?: string; [option: string]: any }): void;
  ready(callback: () => void): void;
  error(callback: (error: any) => void): void;
  biz: {
    chat: {
      pickConversation(params: PickConversationParams): Promise<PickConversationResult>;
      chooseConversationByCorpId(params: ChooseConversationByCorpIdParams): Promise<ChooseConversationByCorpIdResult>;
      chooseConversation(params: DdCallbacks<{ id: string; chatId: string; title: string }> & { corpId?: string; title?: string })
        : Promise<{ id: string; chatId: string; title: string }>;
      toConversation(params: ToConversationParams): Promise<{}>;
      getConversationInfo(params: DdCallbacks<ConversationInfo> & { cid: string }): Promise<ConversationInfo>;
      sendMessage(params: SendMessageParams): Promise<{ messageList: any[] }>;
      onToConversation(handler: (conversation: OpenedConversation) => void): () => void;
    };
  };
};

export default TencentCloudChat;
