// The user's conversation list and groups as of `eventSeq`, kept right by applying the service's events
// (API.md, Events) in order: state only, no I/O (ListSync feeds it; test/local-list.test.mjs runs it alone).
// Conversations are kept as the service sends them, copied in, so that applying an event never changes the
// event's own data; tencent.js shows them in the shape of Tencent Cloud Chat's Conversation.

export class LocalList {
  constructor() {
    this.reset([], [], 0);
  }

  reset(conversations, groupNames, eventSeq) {
    /** @type {Map<string, object>} conversationID → the service's Conversation */
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
    const change = { list: false, groups: false, inGroups: new Set() };
    const data = event.data;
    switch (event.event) {
      case 'CONVERSATION_LIST_UPDATED':
        for (const next of data) {
          const before = this.conversations.get(next.conversationID);
          this.conversations.set(next.conversationID, copy(next));
          change.list = true;
          const beforeGroups = before && !before.isHidden ? before.groupList : [];
          const nextGroups = next.isHidden ? [] : next.groupList;
          // Each group it is or was in now shows it differently (or no longer, when it was hidden).
          [...beforeGroups, ...nextGroups].forEach((name) => change.inGroups.add(name));
        }
        break;
      case 'CONVERSATION_GROUP_LIST_UPDATED': {
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
      case 'CONVERSATION_GROUP_RENAMED': {
        const { oldName, newName } = data;
        this.groups = this.groups.map((name) => (name === oldName ? newName : name));
        for (const c of this.conversations.values()) {
          if (c.groupList.includes(oldName)) {
            c.groupList = c.groupList.map((name) => (name === oldName ? newName : name));
            change.list = true;
          }
        }
        break;
      }
      case 'CONVERSATION_IN_GROUP_UPDATED': {
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
      case 'CONVERSATION_DELETED':
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
        // A type this SDK does not know yet changes nothing it holds.
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
    return this.visible().filter((c) => c.messageRemindType !== 'AcceptNotNotify')
      .reduce((sum, c) => sum + c.unreadCount, 0);
  }
}

function copy(conversation) {
  return { ...conversation, groupList: [...conversation.groupList], markList: [...(conversation.markList || [])] };
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
