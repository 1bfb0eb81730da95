// Code written against the vendors' own declarations (@tencentcloud/chat 3.6.6, dingtalk-jsapi 3.2.9) for the
// calls this SDK offers. It is compiled twice: against the vendors' packages (tsconfig.vendor.json: the code is
// right for them) and against this SDK's dist/index.d.ts (tsconfig.json: it is right for us too).
import TencentCloudChat from 'chat-sdk';
import type { Conversation } from 'chat-sdk';
import dd from 'dd-sdk';

const chat = TencentCloudChat.create({ SDKAppID: 0 });

export async function tencent(): Promise<string[]> {
  await chat.login({ userID: 'alice', userSig: 'token' });
  chat.on(TencentCloudChat.EVENT.SDK_READY, () => undefined);
  chat.on(TencentCloudChat.EVENT.CONVERSATION_GROUP_LIST_UPDATED, (event: { data: string[] }) => {
    const names: string[] = event.data;
    return names.length;
  });
  const onInGroup = (event: { data: { groupName: string; conversationList: Conversation[] } }) => {
    const { groupName, conversationList } = event.data;
    return `${groupName}: ${conversationList.map((c) => c.conversationID).join(',')}`;
  };
  chat.on(TencentCloudChat.EVENT.CONVERSATION_IN_GROUP_UPDATED, onInGroup);
  chat.off(TencentCloudChat.EVENT.CONVERSATION_IN_GROUP_UPDATED, onInGroup);
  chat.on(TencentCloudChat.EVENT.CONVERSATION_LIST_UPDATED, (event: { data: Conversation[] }) => event.data.length);
  chat.on(TencentCloudChat.EVENT.TOTAL_UNREAD_MESSAGE_COUNT_UPDATED, (event: { data: number }) => event.data + 1);

  const created = await chat.createConversationGroup({ conversationIDList: ['GROUPtest', 'C2Cexample'], groupName: 'Suppliers' });
  const { successConversationIDList, failureConversationIDList } = created.data;
  failureConversationIDList.forEach((item: { conversationID: string; code: number; message: string }) => {
    const { conversationID, code, message } = item;
    return `${conversationID} ${code} ${message}`;
  });
  await chat.renameConversationGroup({ oldName: 'Suppliers', newName: 'Suppliers_new' });
  await chat.addConversationsToGroup({ conversationIDList: successConversationIDList, groupName: 'Suppliers_new' });
  await chat.deleteConversationsFromGroup({ conversationIDList: ['C2Cexample'], groupName: 'Suppliers_new' });
  const groupNameList: string[] = (await chat.getConversationGroupList()).data;

  const all = await chat.getConversationList();
  const inGroup = await chat.getConversationList({ groupName: 'Suppliers_new' });
  const some = await chat.getConversationList(['GROUPtest']);
  const conversations: Conversation[] = [...all.data.conversationList, ...inGroup.data.conversationList,
    ...some.data.conversationList];
  for (const c of conversations) {
    const group = c.type === TencentCloudChat.TYPES.CONV_GROUP;
    const name: string = group ? c.groupProfile.name : c.userProfile.nick;
    const unread: number = c.unreadCount;
    const pinned: boolean = c.isPinned;
    const groups: string[] = c.conversationGroupList;
    const text: string = `${name} ${unread} ${pinned} ${c.draftText} ${c.customData} ${groups.join()} ${c.lastMessage}`;
    groupNameList.push(text);
  }
  await chat.pinConversation({ conversationID: 'GROUPtest', isPinned: true });
  const drafted = await chat.setConversationDraft({ conversationID: 'GROUPtest', draftText: 'draft' });
  groupNameList.push(drafted.data.conversation.draftText);
  // Tencent's TYPES is a heterogeneous enum: TypeScript 7 takes a member for a number when assigned but not
  // inside an object literal (against Tencent's own declarations too, where markType is a number).
  const star: number = TencentCloudChat.TYPES.CONV_MARK_TYPE_STAR;
  await chat.markConversation({ conversationIDList: ['GROUPtest'], markType: star, enableMark: true });
  await chat.setMessageRemindType({ groupID: 'test', messageRemindType: TencentCloudChat.TYPES.MSG_REMIND_ACPT_NOT_NOTE });
  await chat.clearHistoryMessage('GROUPtest');
  await chat.setAllMessageRead({ scope: TencentCloudChat.TYPES.READ_ALL_MSG });
  const me = await chat.getMyProfile();
  groupNameList.push(me.data.userID);
  chat.setLogLevel(1);
  const blocked: string[] = (await chat.getBlacklist()).data;
  groupNameList.push(...blocked);
  await chat.setConversationCustomData({ conversationIDList: ['GROUPtest'], customData: 'x' });
  await chat.setMessageRead({ conversationID: 'GROUPtest' });
  await chat.deleteConversation('GROUPtest');
  await chat.deleteConversation({ conversationIDList: ['C2Cexample'], clearHistoryMessage: false });
  const profile = await chat.getConversationProfile('C2Cexample');
  groupNameList.push(profile.data.conversation.conversationID);
  const total: number = chat.getTotalUnreadMessageCount();
  groupNameList.push(String(total));
  await chat.deleteConversationGroup('Suppliers_new');
  await chat.logout();
  return groupNameList;
}

export async function dingtalk(corpId: string): Promise<string> {
  const picked = await dd.biz.chat.pickConversation({ corpId, isConfirm: 'true' });
  const cid: string = picked.cid;
  const chosen = await dd.biz.chat.chooseConversationByCorpId({ corpId });
  const chatId: string = chosen.chatId;
  await dd.biz.chat.toConversation({ corpId, chatId });
  return `${cid} ${picked.title} ${chatId} ${chosen.title}`;
}
