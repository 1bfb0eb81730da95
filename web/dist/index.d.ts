// Types of the Conversations web SDK. Names, arguments and fields follow @tencentcloud/chat (index.d.ts) and
// dingtalk-jsapi (api/biz/chat/*.d.ts), so code written against those compiles against this
// (web/test/types checks it).

/** What a refused call rejects with (Tencent's imError, DingTalk's onFail argument). */
export declare class ConversationsError extends Error {
  /**
   * The service's code (API.md): 51009, 51010, 51011, 40101, 40301, 40401, ...; Tencent's 2999 for a call before
   * login and 2800 when the service could not be reached; -1 when the user cancelled.
   */
  code: number;
  /** The HTTP status, 0 when the service was not reached. */
  status: number;
  /** Tencent's error data: the HTTP status and whatever else the service's refusal said. */
  data: { status: number; [field: string]: any };
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

/** Tencent's lastMessage; a conversation without a message has one too, with empty fields (lastTime 0). */
export interface LastMessage {
  lastSequence: number;
  nick: string;
  nameCard: string;
  cloudCustomData: string;
  onlineOnlyFlag: boolean;
  version: number;
  isPeerRead: boolean;
  revoker: string | null;
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
  lastMessage: LastMessage;
  peerReadTime: number;
  /** The user (C2C) or group (GROUP) the conversation is with. */
  readonly toAccount: string;
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
  setConversationDraft(options: { conversationID: string; draftText: string }): Promise<ChatResponse<{ conversation: Conversation }>>;
  setConversationCustomData(options: { conversationIDList: string[]; customData: string }): Promise<ChatResponse<ConversationIDLists>>;
  setMessageRead(options: { conversationID: string }): Promise<ChatResponse<{ conversationID: string }>>;
  /** Takes conversations off the list; clears their history too unless clearHistoryMessage is false (Tencent's default). */
  deleteConversation(options: string | { conversationIDList: string[]; clearHistoryMessage?: boolean }): Promise<ChatResponse<any>>;
  clearHistoryMessage(conversationID: string): Promise<ChatResponse<{ conversationID: string }>>;
  markConversation(options: { conversationIDList: string[]; markType: number; enableMark: boolean }): Promise<ChatResponse<ConversationIDLists>>;
  setMessageRemindType(options: { groupID?: string; userIDList?: string[]; messageRemindType: TencentCloudChat.TYPES | string }): Promise<ChatResponse<ConversationIDLists>>;
  setAllMessageRead(options?: { scope?: TencentCloudChat.TYPES | string }): Promise<ChatResponse<{}>>;

  getConversationGroupList(): Promise<ChatResponse<string[]>>;
  createConversationGroup(options: { conversationIDList: string[]; groupName: string }): Promise<ChatResponse<ConversationIDLists>>;
  deleteConversationGroup(groupName: string): Promise<ChatResponse<{ groupName: string }>>;
  renameConversationGroup(options: { oldName: string; newName: string }): Promise<ChatResponse<{ oldName: string; newName: string }>>;
  addConversationsToGroup(options: { conversationIDList: string[]; groupName: string }): Promise<ChatResponse<ConversationIDLists>>;
  deleteConversationsFromGroup(options: { conversationIDList: string[]; groupName: string }): Promise<ChatResponse<ConversationIDLists>>;

  /** The logged-in user; the service keeps no profile, so only userID is set. */
  getMyProfile(): Promise<ChatResponse<Profile & { [field: string]: any }>>;
  /** Users' profiles: one the user has a one-to-one conversation with has its nick and avatar from it. */
  getUserProfile(options: { userIDList: string[] }): Promise<ChatResponse<Array<Profile & { [field: string]: any }>>>;
  /** The group chats the user is in, from the conversation list. */
  getGroupList(options?: any): Promise<ChatResponse<{ groupList: GroupProfile[] }>>;
  // Tencent's calls outside conversations that its UI kits make at start: they answer what is true here.
  /** 'canIUseModule' answers false; 'isCommercialAbilityEnabled' resolves {enabled: false}; others resolve {}. */
  callExperimentalAPI(key: string, options?: any): any;
  setLogLevel(level: number): void;
  registerPlugin(options: Object): void;
  use(plugins: any): void;
  getBlacklist(): Promise<ChatResponse<string[]>>;
  getFriendList(): Promise<ChatResponse<any[]>>;
  getFriendGroupList(): Promise<ChatResponse<any[]>>;
  getFriendApplicationList(): Promise<ChatResponse<{ friendApplicationList: any[]; unreadCount: number }>>;

  createTextMessage(options: { to: string; conversationType: string; payload: { text: string }; [option: string]: any }): TextMessage;
  sendMessage(message: TextMessage, options?: any): Promise<ChatResponse<{ message: TextMessage }>>;
}

export declare namespace TencentCloudChat {
  function create(options: CreateOptions): ChatSDK;
  const VERSION: string;
  /** Tencent's EVENT, every name with its value (src/tencent-constants.js), and one of ours. */
  enum EVENT {
    SDK_READY = 'sdkStateReady',
    SDK_NOT_READY = 'sdkStateNotReady',
    SDK_DESTROY = 'sdkDestroy',
    MESSAGE_RECEIVED = 'onMessageReceived',
    ROOM_CUSTOM_DATA_RECEIVED = 'onRoomCustomDataReceived',
    MESSAGE_MODIFIED = 'onMessageModified',
    MESSAGE_REVOKED = 'onMessageRevoked',
    MESSAGE_READ_BY_PEER = 'onMessageReadByPeer',
    MESSAGE_READ_RECEIPT_RECEIVED = 'onMessageReadReceiptReceived',
    MESSAGE_EXTENSIONS_UPDATED = 'onMessageExtensionsUpdated',
    MESSAGE_EXTENSIONS_DELETED = 'onMessageExtensionsDeleted',
    MESSAGE_REACTIONS_UPDATED = 'onMessageReactionsUpdated',
    CONVERSATION_LIST_UPDATED = 'onConversationListUpdated',
    TOTAL_UNREAD_MESSAGE_COUNT_UPDATED = 'onTotalUnreadMessageCountUpdated',
    CONVERSATION_GROUP_LIST_UPDATED = 'onConversationGroupListUpdated',
    CONVERSATION_IN_GROUP_UPDATED = 'onConversationInGroupUpdated',
    GROUP_LIST_UPDATED = 'onGroupListUpdated',
    GROUP_ATTRIBUTES_UPDATED = 'groupAttributesUpdated',
    GROUP_COUNTER_UPDATED = 'onGroupCounterUpdated',
    TOPIC_CREATED = 'onTopicCreated',
    TOPIC_DELETED = 'onTopicDeleted',
    TOPIC_UPDATED = 'onTopicUpdated',
    PROFILE_UPDATED = 'onProfileUpdated',
    USER_STATUS_UPDATED = 'onUserStatusUpdated',
    BLACKLIST_UPDATED = 'blacklistUpdated',
    FRIEND_LIST_UPDATED = 'onFriendListUpdated',
    FRIEND_GROUP_LIST_UPDATED = 'onFriendGroupListUpdated',
    FRIEND_APPLICATION_LIST_UPDATED = 'onFriendApplicationListUpdated',
    MY_FOLLOWERS_LIST_UPDATED = 'onMyFollowersListUpdated',
    MY_FOLLOWING_LIST_UPDATED = 'onMyFollowingListUpdated',
    MUTUAL_FOLLOWERS_LIST_UPDATED = 'onMutualFollowersListUpdated',
    KICKED_OUT = 'kickedOut',
    ERROR = 'error',
    NET_STATE_CHANGE = 'netStateChange',
    ALL_RECEIVE_MESSAGE_OPT_UPDATED = 'onAllReceiveMessageOptUpdated',
    SERVER_CONFIG_UPDATED = 'onServerConfigUpdated',
    PINNED_GROUP_MESSAGE_UPDATED = 'onPinnedGroupMessageUpdated',
    /** Not in Tencent's SDK: the list was reloaded because the service no longer held this client's place. */
    CONVERSATION_LIST_RELOADED = 'onConversationListReloaded',
  }
  /** Tencent's TYPES, every name with its value (src/tencent-constants.js). */
  enum TYPES {
    MSG_TEXT = 'TIMTextElem',
    MSG_IMAGE = 'TIMImageElem',
    MSG_SOUND = 'TIMSoundElem',
    MSG_AUDIO = 'TIMSoundElem',
    MSG_FILE = 'TIMFileElem',
    MSG_FACE = 'TIMFaceElem',
    MSG_VIDEO = 'TIMVideoFileElem',
    MSG_GEO = 'TIMLocationElem',
    MSG_LOCATION = 'TIMLocationElem',
    MSG_GRP_TIP = 'TIMGroupTipElem',
    MSG_GRP_SYS_NOTICE = 'TIMGroupSystemNoticeElem',
    MSG_CUSTOM = 'TIMCustomElem',
    MSG_MERGER = 'TIMRelayElem',
    MSG_PRIORITY_HIGH = 'High',
    MSG_PRIORITY_NORMAL = 'Normal',
    MSG_PRIORITY_LOW = 'Low',
    MSG_PRIORITY_LOWEST = 'Lowest',
    CONV_C2C = 'C2C',
    CONV_GROUP = 'GROUP',
    CONV_TOPIC = 'TOPIC',
    CONV_SYSTEM = '@TIM#SYSTEM',
    CONV_AT_ME = 1,
    CONV_AT_ALL = 2,
    CONV_AT_ALL_AT_ME = 3,
    CONV_MARK_TYPE_STAR = 1,
    CONV_MARK_TYPE_UNREAD = 2,
    CONV_MARK_TYPE_FOLD = 4,
    CONV_MARK_TYPE_HIDE = 8,
    GRP_PRIVATE = 'Private',
    GRP_WORK = 'Private',
    GRP_PUBLIC = 'Public',
    GRP_CHATROOM = 'ChatRoom',
    GRP_MEETING = 'ChatRoom',
    GRP_AVCHATROOM = 'AVChatRoom',
    GRP_COMMUNITY = 'Community',
    GRP_ROOM = 'Room',
    GRP_LIVE = 'Live',
    GRP_MBR_ROLE_OWNER = 'Owner',
    GRP_MBR_ROLE_ADMIN = 'Admin',
    GRP_MBR_ROLE_MEMBER = 'Member',
    GRP_MBR_ROLE_CUSTOM = 'Custom',
    GRP_TIP_MBR_JOIN = 1,
    GRP_TIP_MBR_QUIT = 2,
    GRP_TIP_MBR_KICKED_OUT = 3,
    GRP_TIP_MBR_SET_ADMIN = 4,
    GRP_TIP_MBR_CANCELED_ADMIN = 5,
    GRP_TIP_GRP_PROFILE_UPDATED = 6,
    GRP_TIP_MBR_PROFILE_UPDATED = 7,
    GRP_TIP_BAN_AVCHATROOM_MEMBER = 10,
    GRP_TIP_UNBAN_AVCHATROOM_MEMBER = 11,
    MSG_REMIND_ACPT_AND_NOTE = 'AcceptAndNotify',
    MSG_REMIND_ACPT_NOT_NOTE = 'AcceptNotNotify',
    MSG_REMIND_DISCARD = 'Discard',
    RECEIVE_WITH_OFFLINE_PUSH_EXCEPT_AT = 'AcceptNotNotifyExceptAt',
    NOT_RECEIVE_OFFLINE_PUSH_EXCEPT_AT = 'AcceptNotNotifyExceptAt',
    NOT_RECEIVE_MSG_EXCEPT_AT = 'NotReceiveMsgExceptAt',
    GENDER_UNKNOWN = 'Gender_Type_Unknown',
    GENDER_FEMALE = 'Gender_Type_Female',
    GENDER_MALE = 'Gender_Type_Male',
    KICKED_OUT_MULT_ACCOUNT = 'multipleAccount',
    KICKED_OUT_MULT_DEVICE = 'multipleDevice',
    KICKED_OUT_USERSIG_EXPIRED = 'userSigExpired',
    KICKED_OUT_REST_API = 'REST_API_Kick',
    ALLOW_TYPE_ALLOW_ANY = 'AllowType_Type_AllowAny',
    ALLOW_TYPE_NEED_CONFIRM = 'AllowType_Type_NeedConfirm',
    ALLOW_TYPE_DENY_ANY = 'AllowType_Type_DenyAny',
    FORBID_TYPE_NONE = 'AdminForbid_Type_None',
    FORBID_TYPE_SEND_OUT = 'AdminForbid_Type_SendOut',
    JOIN_OPTIONS_FREE_ACCESS = 'FreeAccess',
    JOIN_OPTIONS_NEED_PERMISSION = 'NeedPermission',
    JOIN_OPTIONS_DISABLE_APPLY = 'DisableApply',
    JOIN_STATUS_SUCCESS = 'JoinedSuccess',
    JOIN_STATUS_ALREADY_IN_GROUP = 'AlreadyInGroup',
    JOIN_STATUS_WAIT_APPROVAL = 'WaitAdminApproval',
    INVITE_OPTIONS_DISABLE_INVITE = 'DisableInvite',
    INVITE_OPTIONS_NEED_PERMISSION = 'NeedPermission',
    INVITE_OPTIONS_FREE_ACCESS = 'FreeAccess',
    GRP_PROFILE_OWNER_ID = 'ownerID',
    GRP_PROFILE_CREATE_TIME = 'createTime',
    GRP_PROFILE_LAST_INFO_TIME = 'lastInfoTime',
    GRP_PROFILE_MEMBER_NUM = 'memberNum',
    GRP_PROFILE_MAX_MEMBER_NUM = 'maxMemberNum',
    GRP_PROFILE_JOIN_OPTION = 'joinOption',
    GRP_PROFILE_INVITE_OPTION = 'inviteOption',
    GRP_PROFILE_INTRODUCTION = 'introduction',
    GRP_PROFILE_NOTIFICATION = 'notification',
    GRP_PROFILE_MUTE_ALL_MBRS = 'muteAllMembers',
    SNS_ADD_TYPE_SINGLE = 'Add_Type_Single',
    SNS_ADD_TYPE_BOTH = 'Add_Type_Both',
    SNS_DELETE_TYPE_SINGLE = 'Delete_Type_Single',
    SNS_DELETE_TYPE_BOTH = 'Delete_Type_Both',
    SNS_APPLICATION_TYPE_BOTH = 'Pendency_Type_Both',
    SNS_APPLICATION_SENT_TO_ME = 'Pendency_Type_ComeIn',
    SNS_APPLICATION_SENT_BY_ME = 'Pendency_Type_SendOut',
    SNS_APPLICATION_AGREE = 'Response_Action_Agree',
    SNS_APPLICATION_AGREE_AND_ADD = 'Response_Action_AgreeAndAdd',
    SNS_CHECK_TYPE_BOTH = 'CheckResult_Type_Both',
    SNS_CHECK_TYPE_SINGLE = 'CheckResult_Type_Single',
    SNS_TYPE_NO_RELATION = 'CheckResult_Type_NoRelation',
    SNS_TYPE_A_WITH_B = 'CheckResult_Type_AWithB',
    SNS_TYPE_B_WITH_A = 'CheckResult_Type_BWithA',
    SNS_TYPE_BOTH_WAY = 'CheckResult_Type_BothWay',
    NET_STATE_CONNECTED = 'connected',
    NET_STATE_CONNECTING = 'connecting',
    NET_STATE_DISCONNECTED = 'disconnected',
    MSG_AT_ALL = '__kImSDK_MesssageAtALL__',
    READ_ALL_C2C_MSG = 'readAllC2CMessage',
    READ_ALL_GROUP_MSG = 'readAllGroupMessage',
    READ_ALL_MSG = 'readAllMessage',
    USER_STATUS_UNKNOWN = 0,
    USER_STATUS_ONLINE = 1,
    USER_STATUS_OFFLINE = 2,
    USER_STATUS_UNLOGINED = 3,
    IOS_OFFLINE_PUSH_NO_SOUND = 'push.no_sound',
    IOS_OFFLINE_PUSH_DEFAULT_SOUND = 'default',
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
