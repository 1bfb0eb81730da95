// The user's event stream, read over fetch so that it carries Authorization (an EventSource cannot, and a
// long-lived token does not belong in a URL). It resumes with Last-Event-ID after every break, backing off
// with jitter, and hands each event to `onEvent` in order, waiting for it before reading the next.

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
  #random;
  #stopped = true;
  #controller = null;
  #state = NET_STATE.DISCONNECTED;
  #connects = 0;
  #wake = null;

  /**
   * @param {object} options
   * @param {import('./http.js').Http} options.http
   * @param {() => number} options.lastId the id to resume after (read at every (re)connect)
   * @param {(event: {id: number, event: string, data: any}) => Promise<void>} options.onEvent
   * @param {(state: string) => void} options.onState
   * @param {(error: Error) => void} options.onFatal the token was refused: the stream stops
   */
  constructor({ http, lastId, onEvent, onState, onFatal, random = Math.random }) {
    this.#http = http;
    this.#lastId = lastId;
    this.#onEvent = onEvent;
    this.#onState = onState;
    this.#onFatal = onFatal;
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
    this.#run();
  }

  stop() {
    this.#stopped = true;
    this.#controller?.abort();
    this.#wake?.();
    this.#setState(NET_STATE.DISCONNECTED);
  }

  /** Ends the current connection (as a network break would); the reader reconnects and resumes. */
  reconnect() {
    this.#controller?.abort();
  }

  #setState(state) {
    if (state !== this.#state) {
      this.#state = state;
      this.#onState(state);
    }
  }

  async #run() {
    let failures = 0;
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
          failures = 0;
          if (frame.id === null || frame.data === null) {
            continue;
          }
          await this.#onEvent({ id: Number(frame.id), event: frame.event, data: JSON.parse(frame.data) });
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
      failures += 1;
      const cap = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(failures - 1, 10));
      await this.#sleep(waitMs ?? cap / 2 + this.#random() * cap / 2);
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
