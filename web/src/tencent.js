// The service's shapes as Tencent Cloud Chat's SDK shows them (its Conversation and lastMessage), keeping the
// service's own fields beside Tencent's.

const MESSAGE_TYPES = { text: 'TIMTextElem', image: 'TIMImageElem', link: 'TIMCustomElem' };

/** A message as Tencent's conversation.lastMessage shows it, with the service's own fields beside. */
export function tencentLastMessage(m) {
  if (!m) {
    return null;
  }
  const images = m.attachment && Array.isArray(m.attachment.images) ? m.attachment.images : [];
  const forShow = m.type === 'image' ? (m.text || '[Image]') : m.type === 'link'
    ? (m.text || (m.attachment && m.attachment.title) || '[Link]') : m.text;
  return {
    ...m,
    messageForShow: forShow,
    lastTime: Math.floor(m.sentAt / 1000),
    fromAccount: m.senderId,
    type: MESSAGE_TYPES[m.type] || m.type,
    payload: m.type === 'text' ? { text: m.text } : m.type === 'image' ? { imageInfoArray: images.map((url) => ({ url })) }
      : { data: JSON.stringify(m.attachment || {}), description: m.text || '' },
    isRevoked: false,
  };
}

/** The service's Conversation in the shape of Tencent Cloud Chat's, keeping the service's fields beside it. */
export function toTencent(c) {
  const group = c.type === 'GROUP';
  const avatar = c.avatarIcons && c.avatarIcons.length ? c.avatarIcons[0] : '';
  return {
    conversationID: c.conversationID,
    type: c.type,
    subType: group ? 'Work' : '',
    unreadCount: c.unreadCount,
    lastMessage: tencentLastMessage(c.lastMessage),
    groupProfile: group
      ? { groupID: c.chatId, name: c.title, avatar, memberCount: c.memberCount, type: 'Work' }
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
    // The service's own fields.
    chatId: c.chatId,
    title: c.title,
    avatarIcons: [...c.avatarIcons],
    memberCount: c.memberCount,
    activityAt: c.activityAt,
    updatedAt: c.updatedAt,
  };
}
