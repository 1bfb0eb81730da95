// The service's shapes as Tencent Cloud Chat's SDK shows them (its Conversation and lastMessage, with the fields
// and defaults of @tencentcloud/chat 3.6.6's runtime), keeping the service's own fields beside Tencent's.

const MESSAGE_TYPES = { text: 'TIMTextElem', image: 'TIMImageElem', link: 'TIMCustomElem' };
/** Tencent's GRP_WORK: a group chat of the corp's own (this service has no public or meeting groups). */
const WORK_GROUP = 'Private';

/** Tencent's lastMessage of a conversation with no message (its SDK gives this object, never null). */
function noMessage() {
  return { lastTime: 0, lastSequence: 0, fromAccount: '', messageForShow: '', payload: null, type: '',
    isRevoked: false, cloudCustomData: '', onlineOnlyFlag: false, nick: '', nameCard: '', version: 0,
    isPeerRead: false, revoker: null };
}

/** A message as Tencent's conversation.lastMessage shows it, with the service's own fields beside. */
export function tencentLastMessage(m) {
  if (!m) {
    return noMessage();
  }
  const images = m.attachment && Array.isArray(m.attachment.images) ? m.attachment.images : [];
  const forShow = m.type === 'image' ? (m.text || '[Image]') : m.type === 'link'
    ? (m.text || (m.attachment && m.attachment.title) || '[Link]') : m.text;
  return {
    ...noMessage(),
    ...m,
    messageForShow: forShow,
    lastTime: Math.floor(m.sentAt / 1000),
    lastSequence: m.messageId,
    fromAccount: m.senderId,
    type: MESSAGE_TYPES[m.type] || m.type,
    payload: m.type === 'text' ? { text: m.text } : m.type === 'image' ? { imageInfoArray: images.map((url) => ({ url })) }
      : { data: JSON.stringify(m.attachment || {}), description: m.text || '' },
  };
}

/** The service's Conversation in the shape of Tencent Cloud Chat's, keeping the service's fields beside it. */
export function toTencent(c) {
  const group = c.type === 'GROUP';
  const avatar = c.avatarIcons && c.avatarIcons.length ? c.avatarIcons[0] : '';
  return {
    conversationID: c.conversationID,
    type: c.type,
    subType: group ? WORK_GROUP : '',
    unreadCount: c.unreadCount,
    lastMessage: tencentLastMessage(c.lastMessage),
    peerReadTime: 0,
    groupProfile: group
      ? { groupID: c.chatId, name: c.title, avatar, memberCount: c.memberCount, type: WORK_GROUP }
      : { groupID: '', name: '', avatar: '', memberCount: 0, type: '' },
    userProfile: group
      ? { userID: '', nick: '', avatar: '' }
      : { userID: c.conversationID.slice(3), nick: c.title, avatar },
    groupAtInfoList: [],
    remark: '',
    isPinned: c.isPinned,
    messageRemindType: c.messageRemindType || 'AcceptAndNotify',
    markList: [...(c.markList || [])],
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
    updatedAt: c.updatedAt,
  };
}
