// DingTalk's chat picker, in the page: a modal dialog with a title search, the chats the user can pick (loaded
// page by page as the list scrolls), arrow keys / Enter / Escape, and an optional confirmation step.
import { CANCELLED, ConversationsError } from './errors.js';
import { seg } from './http.js';

const PAGE = 30;
const STYLE_ID = 'cv-picker-style';
const CSS = `
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

let dialogs = 0;

/**
 * Opens the picker; resolves with the chosen {cid, chatId, title} (cid is the caller's conversation id) or
 * rejects: CANCELLED (-1) when the user closes it, or the service's error (40301 for a corp not the caller's,
 * before anything is shown).
 */
export async function openPicker({ http, corpId, confirm, heading = 'Choose a chat', confirmText = 'Send to' }) {
  if (typeof document === 'undefined') {
    throw new ConversationsError(40001, 'the picker needs a page (document)');
  }
  const path = `/v1/corps/${seg(corpId)}/chats`;
  const first = await http.get(`${path}?count=${PAGE}`);
  injectStyle();
  const id = `cv-picker-${++dialogs}`;
  const backdrop = element('div', { class: 'cv-picker-backdrop' });
  const dialog = element('div', { class: 'cv-picker', role: 'dialog', 'aria-modal': 'true',
    'aria-labelledby': `${id}-title` });
  const title = element('h2', { id: `${id}-title` }, heading);
  const input = element('input', { type: 'search', placeholder: 'Search by title', autocomplete: 'off',
    role: 'combobox', 'aria-expanded': 'true', 'aria-controls': `${id}-list`, 'aria-label': 'Search chats' });
  const list = element('ul', { id: `${id}-list`, role: 'listbox', 'aria-label': 'Chats' });
  const status = element('div', { class: 'cv-status', 'aria-live': 'polite' });
  const cancel = element('button', { type: 'button', 'data-action': 'cancel' }, 'Cancel');
  const actions = element('div', { class: 'cv-actions' }, cancel);
  dialog.append(title, input, list, status, actions);
  backdrop.append(dialog);
  const opener = document.activeElement;
  document.body.append(backdrop);

  const state = { chats: [], cursor: '', finished: true, loading: false, active: -1, query: '', generation: 0,
    confirming: null };

  return new Promise((resolve, reject) => {
    const close = () => {
      backdrop.remove();
      if (opener && typeof opener.focus === 'function') {
        opener.focus();
      }
    };
    const cancelled = () => {
      close();
      reject(new ConversationsError(CANCELLED, 'the user cancelled the picker'));
    };
    const chosen = (chat) => {
      close();
      resolve(chat);
    };

    const render = () => {
      list.replaceChildren(...state.chats.map((chat, i) => {
        const option = element('li', { id: `${id}-opt-${i}`, role: 'option',
          'aria-selected': String(i === state.active), 'data-chat-id': chat.chatId },
        element('span', { class: 'cv-avatar', 'aria-hidden': 'true' }, initial(chat.title)),
        element('span', { class: 'cv-title' }, chat.title));
        option.addEventListener('click', () => pick(i));
        return option;
      }));
      if (state.active >= 0) {
        input.setAttribute('aria-activedescendant', `${id}-opt-${state.active}`);
      } else {
        input.removeAttribute('aria-activedescendant');
      }
      status.textContent = state.loading ? 'Loading…' : state.chats.length === 0
        ? (state.query ? `No chat matches “${state.query}”` : 'No chats to pick') : '';
    };

    const show = (page, append) => {
      state.chats = append ? state.chats.concat(page.chats) : page.chats;
      state.cursor = page.nextCursor || '';
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
        const query = state.query ? `&query=${encodeURIComponent(state.query)}` : '';
        const cursor = append && state.cursor ? `&cursor=${encodeURIComponent(state.cursor)}` : '';
        const page = await http.get(`${path}?count=${PAGE}${query}${cursor}`);
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

    // Loads further pages until the list scrolls (or everything is loaded).
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
      list.children[state.active]?.scrollIntoView({ block: 'nearest' });
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
      const question = element('div', { class: 'cv-confirm', role: 'alert' }, `${confirmText} “${chat.title}”?`);
      const back = element('button', { type: 'button', 'data-action': 'back' }, 'Back');
      const ok = element('button', { type: 'button', class: 'cv-primary', 'data-action': 'confirm' }, 'Confirm');
      back.addEventListener('click', unconfirm);
      ok.addEventListener('click', () => chosen(chat));
      input.hidden = true;
      list.hidden = true;
      status.hidden = true;
      dialog.insertBefore(question, actions);
      actions.replaceChildren(back, ok);
      ok.focus();
    };

    const unconfirm = () => {
      state.confirming = null;
      dialog.querySelector('.cv-confirm')?.remove();
      actions.replaceChildren(cancel);
      input.hidden = false;
      list.hidden = false;
      status.hidden = false;
      input.focus();
    };

    let debounce = null;
    input.addEventListener('input', () => {
      clearTimeout(debounce);
      debounce = setTimeout(() => {
        state.query = input.value.trim();
        state.generation += 1;
        state.chats = [];
        state.active = -1;
        load(false);
      }, 150);
    });
    list.addEventListener('scroll', () => {
      if (list.scrollTop + list.clientHeight >= list.scrollHeight - 40) {
        fill();
        if (!state.finished && !state.loading) {
          load(true);
        }
      }
    });
    cancel.addEventListener('click', cancelled);
    backdrop.addEventListener('mousedown', (e) => {
      if (e.target === backdrop) {
        cancelled();
      }
    });
    dialog.addEventListener('keydown', (e) => {
      if (state.confirming) {
        if (e.key === 'Escape') {
          e.preventDefault();
          unconfirm();
        } else if (e.key === 'Enter' && e.target.tagName !== 'BUTTON') {
          e.preventDefault();
          chosen(state.confirming);
        }
        return;
      }
      switch (e.key) {
        case 'ArrowDown': e.preventDefault(); move(state.active + 1); break;
        case 'ArrowUp': e.preventDefault(); move(state.active - 1); break;
        case 'PageDown': e.preventDefault(); move(state.active + 8); break;
        case 'PageUp': e.preventDefault(); move(state.active - 8); break;
        case 'Home': if (e.target !== input) { e.preventDefault(); move(0); } break;
        case 'End': if (e.target !== input) { e.preventDefault(); move(state.chats.length - 1); } break;
        case 'Enter': e.preventDefault(); pick(state.active); break;
        case 'Escape': e.preventDefault(); cancelled(); break;
        case 'Tab': e.preventDefault(); (document.activeElement === input ? cancel : input).focus(); break;
        default: break;
      }
    });

    show(first, false);
    input.focus();
  });
}

function injectStyle() {
  if (!document.getElementById(STYLE_ID)) {
    const style = element('style', { id: STYLE_ID }, CSS);
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
  return (title || '?').trim().slice(0, 1).toUpperCase() || '?';
}
