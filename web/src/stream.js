// The user's event stream, read over fetch so that it carries Authorization (an EventSource cannot, and a
// long-lived token does not belong in a URL). It resumes with Last-Event-ID after every break, backing off
// with jitter, and hands each event to `onEvent` in order, waiting for it before reading the next. In a browser
// it reconnects at once when the network comes back (`online`) or the page is shown again (`visibilitychange`).

export const NET_STATE = Object.freeze({
  CONNECTED: 'connected',
  CONNECTING: 'connecting',
  DISCONNECTED: 'disconnected',
});

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;
// The service writes a heartbeat every 15 s by default; silence for this long means the connection is dead.
const SILENCE_MS = 45_000;

/** Splits a text/event-stream body into frames: {id, event, data, retry}; comments (heartbeats) are skipped. */
export async function* frames(body) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
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
  const frame = { id: null, event: 'message', data: null, retry: null };
  const data = [];
  let meaningful = false;
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) {
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    meaningful = true;
    if (field === 'id') frame.id = value;
    else if (field === 'event') frame.event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'retry' && /^\d+$/.test(value)) frame.retry = Number(value);
  }
  if (!meaningful) {
    return null;
  }
  frame.data = data.length ? data.join('\n') : null;
  return frame;
}

export class EventStreamReader {
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
  constructor({ http, lastId, onEvent, onState, onFatal, onError = () => {}, random = Math.random }) {
    this.#http = http;
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
    globalThis.addEventListener?.('online', this.#comeBack);
    globalThis.document?.addEventListener?.('visibilitychange', this.#comeBack);
    this.#run();
  }

  stop() {
    globalThis.removeEventListener?.('online', this.#comeBack);
    globalThis.document?.removeEventListener?.('visibilitychange', this.#comeBack);
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
    if (this.#stopped || (event?.type === 'visibilitychange' && globalThis.document?.visibilityState === 'hidden')) {
      return;
    }
    this.#failures = 0;
    if (event?.type === 'online') {
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
        const response = await this.#http.open('/v1/events', {
          headers: { Accept: 'text/event-stream', 'Last-Event-ID': String(this.#lastId()) },
          signal: controller.signal,
          cache: 'no-store',
        });
        if (response.status === 401) {
          clearTimeout(silence);
          this.#stopped = true;
          this.#setState(NET_STATE.DISCONNECTED);
          const body = await response.json().catch(() => ({}));
          this.#onFatal(Object.assign(new Error(body.message || 'the token was refused'), { code: body.code || 40101 }));
          return;
        }
        if (!response.ok || !response.body) {
          const retryAfter = Number(response.headers.get('Retry-After'));
          waitMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null;
          await response.body?.cancel().catch(() => {});
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
        // A break, a refusal or an abort: all end in a reconnect below unless stopped.
        if (globalThis.CONVERSATIONS_DEBUG) console.log('stream', e);
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
      this.#onError(Object.assign(new Error(`event ${frame.id} could not be read (${e.message}): the list is reloaded`),
        { code: 50301 }));
      return { id: Number(frame.id), event: 'RESYNC', data: null };
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
}
