// Listeners by event name, as Tencent's `chat.on` / `chat.off` keep them: a listener that throws is reported and
// does not stop the others.
import { malformed } from './errors.js';

export class Emitter {
  /** @type {Map<string, {handler: Function, context: any}[]>} */
  #handlers = new Map();

  on(eventName, handler, context) {
    if (typeof handler !== 'function') {
      throw malformed('handler', 'a function');
    }
    if (!this.#handlers.has(eventName)) {
      this.#handlers.set(eventName, []);
    }
    this.#handlers.get(eventName).push({ handler, context });
  }

  off(eventName, handler, context) {
    const list = this.#handlers.get(eventName);
    if (!list) {
      return;
    }
    const i = list.findIndex((h) => h.handler === handler && (context === undefined || h.context === context));
    if (i >= 0) {
      list.splice(i, 1);
    }
  }

  emit(name, data) {
    for (const { handler, context } of [...(this.#handlers.get(name) || [])]) {
      try {
        handler.call(context, { name, data });
      } catch (e) {
        console.error(`a ${name} listener threw`, e);
      }
    }
  }

  clear() {
    this.#handlers.clear();
  }
}
