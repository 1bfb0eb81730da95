// Keeps a LocalList in step with the service: loads it page by page, reads the events after its eventSeq, and
// applies events one at a time in order (a serial queue: stream events, catch-ups after writes and reloads never
// interleave). After each step it tells `onChange` what changed, with the total unread before it.
import { LocalList } from './local-list.js';
import { seg } from './http.js';

const PAGE = 100;

export class ListSync {
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
  constructor({ http, onChange, onReloaded }) {
    this.#http = http;
    this.#onChange = onChange;
    this.#onReloaded = onReloaded;
  }

  /** Runs `task` after every earlier one. */
  serially(task) {
    const next = this.#queue.then(task, task);
    this.#queue = next.catch(() => {});
    return next;
  }

  /** Loads the list page by page at the first page's eventSeq, then the group names; `announce`: tell onChange. */
  async reload(announce) {
    const conversations = [];
    let cursor = '';
    let eventSeq = null;
    for (;;) {
      const page = await this.#http.get(`/v1/conversations?count=${PAGE}${cursor ? `&cursor=${seg(cursor)}` : ''}`);
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
    const groups = await this.#http.get('/v1/conversation-groups');
    const unread = announce ? this.list.totalUnread() : null;
    this.list.reset(conversations, groups.groupList.map((g) => g.groupName), eventSeq);
    // Events that raced the pages are read now, so the list is whole before anyone looks at it.
    await this.catchUp();
    if (announce) {
      this.#onChange({ list: true, groups: true, inGroups: new Set(this.list.groups) }, unread);
    }
  }

  /** Reads the events after the local eventSeq in batches and applies them. */
  async catchUp() {
    for (;;) {
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
    const change = { list: false, groups: false, inGroups: new Set() };
    const unread = this.list.totalUnread();
    for (const event of events) {
      if (event.event === 'RESYNC') {
        // The service no longer holds this client's place (or never gave it): whatever the ids say, reload.
        await this.reload(true);
        this.#onReloaded(event.id);
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
    this.#onChange(change, unread);
  }
}
