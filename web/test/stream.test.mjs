// The event stream's reader on its own, in Node, against a fake service: what it does with a frame it cannot
// read, and how the browser's `online` and `visibilitychange` bring a waiting reader back at once.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { EventStreamReader } from '../src/stream.js';

/** A service whose answers the test scripts: each open() takes the next answer (a function making a Response). */
function fakeService(answers) {
  const opened = [];
  return {
    opened,
    http: {
      open(path, init) {
        opened.push({ path, lastEventId: init.headers['Last-Event-ID'] });
        const next = answers.shift();
        return next ? Promise.resolve(next(init.signal)) : new Promise(() => {});
      },
    },
  };
}

/** A text/event-stream answer that sends `text` and then stays open until aborted. */
function streaming(text) {
  return (signal) => new Response(new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      signal.addEventListener('abort', () => controller.error(new Error('aborted')));
    },
  }), { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

/** A refusal that asks the reader to wait ten minutes before it tries again. */
const busy = () => new Response('{}', { status: 503, headers: { 'Retry-After': '600' } });

async function until(check, what) {
  for (let i = 0; i < 200; i++) {
    if (check()) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  assert.fail(`timed out waiting for ${what}`);
}

const readers = [];
afterEach(() => {
  readers.splice(0).forEach((r) => r.stop());
  delete globalThis.addEventListener;
  delete globalThis.removeEventListener;
  delete globalThis.document;
});

function reader(http, events, errors = []) {
  const r = new EventStreamReader({ http, lastId: () => 7, onEvent: async (e) => { events.push(e); },
    onState: () => {}, onFatal: () => {}, onError: (e) => errors.push(e), random: () => 0.5 });
  readers.push(r);
  r.start();
  return r;
}

/** Gives globalThis what a page has: a window that raises `online` and a document with a visibility. */
function aPage() {
  const window = new EventTarget();
  globalThis.addEventListener = window.addEventListener.bind(window);
  globalThis.removeEventListener = window.removeEventListener.bind(window);
  const document = new EventTarget();
  document.visibilityState = 'visible';
  globalThis.document = document;
  return { window, document };
}

test('a frame whose data is not JSON becomes a RESYNC and an error; the connection goes on with the next', async () => {
  const service = fakeService([streaming('id: 8\nevent: CONVERSATION_LIST_UPDATED\ndata: {not json\n\n'
    + 'id: 9\nevent: CONVERSATION_LIST_UPDATED\ndata: []\n\n')]);
  const events = [];
  const errors = [];
  reader(service.http, events, errors);
  await until(() => events.length === 2, 'two events');
  assert.deepEqual(events, [{ id: 8, event: 'RESYNC', data: null },
    { id: 9, event: 'CONVERSATION_LIST_UPDATED', data: [] }]);
  assert.equal(errors.length, 1);
  assert.match(errors[0].message, /event 8 could not be read/);
  // Before, the parse error broke the connection and the reader reconnected every 0.25-0.5 s for ever.
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(service.opened.length, 1);
});

test('`online` wakes a reader that waits to reconnect, and replaces a connection that looks open', async () => {
  const { window } = aPage();
  const service = fakeService([busy, busy, streaming(''), streaming('id: 8\nevent: X\ndata: 1\n\n')]);
  const events = [];
  reader(service.http, events);
  await until(() => service.opened.length === 1, 'the first try');
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(service.opened.length, 1, 'the reader waits the ten minutes it was told');
  window.dispatchEvent(new Event('online'));
  await until(() => service.opened.length === 2, 'a try at once after online');
  window.dispatchEvent(new Event('online'));
  await until(() => service.opened.length === 3, 'another');
  // Connected now: `online` says the network changed, so the open connection may be dead; it is replaced.
  window.dispatchEvent(new Event('online'));
  await until(() => events.length === 1, 'the event over the new connection');
  assert.equal(service.opened.length, 4);
  assert.equal(service.opened[3].lastEventId, '7');
});

test('a page shown again wakes a waiting reader; a page hidden does not', async () => {
  const { document } = aPage();
  const service = fakeService([busy, busy]);
  reader(service.http, []);
  await until(() => service.opened.length === 1, 'the first try');
  document.visibilityState = 'hidden';
  document.dispatchEvent(new Event('visibilitychange'));
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(service.opened.length, 1);
  document.visibilityState = 'visible';
  document.dispatchEvent(new Event('visibilitychange'));
  await until(() => service.opened.length === 2, 'a try once shown');
});

test('a stopped reader no longer listens to the page', async () => {
  const { window } = aPage();
  const service = fakeService([busy, busy]);
  const r = reader(service.http, []);
  await until(() => service.opened.length === 1, 'the first try');
  r.stop();
  window.dispatchEvent(new Event('online'));
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(service.opened.length, 1);
});
