// The page: the signed-in user's conversations with group tabs and unread badges, group management, moving
// conversations between groups, "send to a chat" through DingTalk's picker, and changes from elsewhere arriving
// live. It uses only the SDK the service serves.
import TencentCloudChat, { dd } from '/sdk/conversations.mjs';

const { EVENT } = TencentCloudChat;
const $ = (id) => document.getElementById(id);
const chat = TencentCloudChat.create({ SDKAppID: 0 });
const ALL = '';
let selected = ALL;
let conversations = [];
let groups = [];

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (value !== false && value !== undefined) node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

function notice(text, isError = false) {
  const n = $('notice');
  n.textContent = text;
  n.classList.toggle('error', isError);
}

async function attempt(action, done) {
  try {
    const result = await action();
    if (done) notice(done);
    return result;
  } catch (e) {
    notice(`${e.message} (code ${e.code})`, true);
    return null;
  }
}

function unread(list) {
  return list.reduce((sum, c) => sum + c.unreadCount, 0);
}

function renderTabs() {
  const tab = (name, label, count, badge) => el('button', { type: 'button', role: 'tab', 'data-group': name,
    'aria-selected': String(selected === name), onclick: () => select(name) },
  label, el('span', { class: 'count' }, `${count}`), badge > 0 ? el('span', { class: 'badge', 'data-testid': 'badge' }, `${badge}`) : null);
  $('tabs').replaceChildren(
    tab(ALL, 'All', conversations.length, unread(conversations)),
    ...groups.map((name) => {
      const members = conversations.filter((c) => c.conversationGroupList.includes(name));
      return tab(name, name, members.length, unread(members));
    }));
}

function renderList() {
  const shown = selected === ALL ? conversations : conversations.filter((c) => c.conversationGroupList.includes(selected));
  $('rename-group').hidden = selected === ALL;
  if (!shown.length) {
    $('list').replaceChildren(el('li', { class: 'empty' }, selected === ALL ? 'No conversations yet.'
      : `Nothing in “${selected}” yet: use “Add to group” on a conversation under All.`));
    return;
  }
  $('list').replaceChildren(...shown.map((c) => {
    const move = el('select', { 'aria-label': `Add ${c.title} to a group`, 'data-testid': 'move',
      onchange: (e) => moveTo(c, e.target.value) },
    el('option', { value: '' }, selected === ALL ? 'Add to group…' : 'Move to group…'),
    ...groups.filter((g) => !c.conversationGroupList.includes(g)).map((g) => el('option', { value: g }, g)));
    const last = c.lastMessage.lastTime ? `${c.lastMessage.fromAccount}: ${c.lastMessage.messageForShow}` : 'No messages yet';
    return el('li', { class: c.isPinned ? 'pinned' : '', 'data-conversation': c.conversationID },
      el('div', { class: 'avatar', 'aria-hidden': 'true' }, (c.title || '?').slice(0, 1).toUpperCase()),
      el('div', {},
        el('div', { class: 'title' }, c.title, c.isPinned ? el('span', { title: 'pinned' }, '📌') : null,
          c.unreadCount ? el('span', { class: 'badge', 'data-testid': 'unread' }, `${c.unreadCount}`) : null),
        el('div', { class: 'preview' }, c.draftText ? `Draft: ${c.draftText}` : last),
        el('div', { class: 'tags' }, ...c.conversationGroupList.map((g) => el('span', { class: 'tag' }, g)))),
      el('div', { class: 'actions' },
        groups.length ? move : null,
        selected !== ALL ? el('button', { type: 'button', onclick: () => removeFromGroup(c) }, 'Remove') : null,
        el('button', { type: 'button', onclick: () => attempt(() => chat.pinConversation(
          { conversationID: c.conversationID, isPinned: !c.isPinned })) }, c.isPinned ? 'Unpin' : 'Pin'),
        c.unreadCount ? el('button', { type: 'button', onclick: () => attempt(() => chat.setMessageRead(
          { conversationID: c.conversationID })) }, 'Mark read') : null));
  }));
}

function render() {
  if (selected !== ALL && !groups.includes(selected)) {
    selected = ALL;
  }
  renderTabs();
  renderList();
}

function select(name) {
  selected = name;
  $('rename-group').elements.newName.value = name;
  $('delete-group').textContent = 'Delete group';
  notice('');
  render();
}

async function moveTo(conversation, target) {
  if (!target) return;
  const from = selected;
  const added = await attempt(() => chat.addConversationsToGroup({ groupName: target, conversationIDList: [conversation.conversationID] }));
  if (!added) return;
  const failed = added.data.failureConversationIDList[0];
  if (failed) {
    notice(`${failed.message} (code ${failed.code})`, true);
    return;
  }
  if (from !== ALL) {
    await attempt(() => chat.deleteConversationsFromGroup({ groupName: from, conversationIDList: [conversation.conversationID] }));
  }
  notice(`${conversation.title} is in “${target}”.`);
}

async function removeFromGroup(conversation) {
  await attempt(() => chat.deleteConversationsFromGroup({ groupName: selected, conversationIDList: [conversation.conversationID] }),
    `${conversation.title} left “${selected}”.`);
}

chat.on(EVENT.CONVERSATION_LIST_UPDATED, (event) => {
  conversations = event.data;
  render();
});
chat.on(EVENT.CONVERSATION_GROUP_LIST_UPDATED, (event) => {
  groups = event.data;
  render();
});
chat.on(EVENT.NET_STATE_CHANGE, (event) => {
  $('net').textContent = event.data.state === 'connected' ? 'live' : event.data.state;
  $('net').className = `net ${event.data.state}`;
});
chat.on(EVENT.CONVERSATION_LIST_RELOADED, () => notice('The list was reloaded from the service.'));
chat.on(EVENT.KICKED_OUT, () => {
  signOut();
  $('sign-in-error').textContent = 'The token is no longer accepted: sign in again.';
});

async function signIn(userID, userSig) {
  await chat.login({ userID, userSig });
  dd.config({ userSig });
  sessionStorage.setItem('conversations.user', JSON.stringify({ userID, userSig }));
  conversations = (await chat.getConversationList()).data.conversationList;
  groups = (await chat.getConversationGroupList()).data;
  $('who').textContent = userID;
  $('signed-out').hidden = true;
  $('signed-in').hidden = false;
  $('share').hidden = false;
  $('sign-out').hidden = false;
  render();
}

async function signOut() {
  sessionStorage.removeItem('conversations.user');
  await chat.logout();
  $('signed-in').hidden = true;
  $('share').hidden = true;
  $('sign-out').hidden = true;
  $('signed-out').hidden = false;
  $('who').textContent = '';
  $('net').textContent = '';
}

$('sign-in').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = e.target.elements;
  $('sign-in-error').textContent = '';
  try {
    await signIn(form.userID.value.trim(), form.userSig.value.trim());
  } catch (error) {
    $('sign-in-error').textContent = `${error.message} (code ${error.code})`;
  }
});

$('sign-out').addEventListener('click', signOut);

$('new-group').addEventListener('submit', async (e) => {
  e.preventDefault();
  const input = e.target.elements.groupName;
  const name = input.value.trim();
  if (await attempt(() => chat.createConversationGroup({ groupName: name, conversationIDList: [] }))) {
    input.value = '';
    select(name);
    notice(`Created “${name}”.`);
  }
});

$('rename-group').addEventListener('submit', async (e) => {
  e.preventDefault();
  const oldName = selected;
  const newName = e.target.elements.newName.value.trim();
  if (await attempt(() => chat.renameConversationGroup({ oldName, newName }))) {
    select(newName);
    notice(`Renamed “${oldName}” to “${newName}”.`);
  }
});

$('delete-group').addEventListener('click', async (e) => {
  const button = e.target;
  if (button.textContent !== 'Really delete?') {
    button.textContent = 'Really delete?';
    return;
  }
  const name = selected;
  if (await attempt(() => chat.deleteConversationGroup(name))) {
    select(ALL);
    notice(`Deleted “${name}”; its conversations stay under All.`);
  }
});

$('share').addEventListener('submit', async (e) => {
  e.preventDefault();
  const text = $('share-text').value;
  try {
    const picked = await dd.biz.chat.pickConversation({ corpId: '', isConfirm: 'true', title: 'Send to a chat' });
    await dd.biz.chat.sendMessage({ cid: picked.cid, text });
    notice(`Sent to “${picked.title}”.`);
  } catch (error) {
    notice(error.code === -1 ? 'Nothing was sent.' : `${error.message} (code ${error.code})`, error.code !== -1);
  }
});

const saved = JSON.parse(sessionStorage.getItem('conversations.user') || 'null');
if (saved) {
  signIn(saved.userID, saved.userSig).catch(() => signOut());
}
