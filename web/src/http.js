// One request to the service: JSON in, JSON out, a refusal as a ConversationsError with the service's code.
import { ConversationsError, NETWORK_ERROR, UNREACHABLE } from './errors.js';

export class Http {
  #server;
  #token;
  #fetch;

  /** @param {{server: string, token: () => string | null, fetchImpl?: typeof fetch}} options */
  constructor({ server, token, fetchImpl }) {
    this.#server = server.replace(/\/+$/, '');
    this.#token = token;
    this.#fetch = fetchImpl || ((...args) => globalThis.fetch(...args));
  }

  /** The service's base URL. */
  get server() {
    return this.#server;
  }

  /** The raw response to a request with the token (the event stream reads its body as it comes). */
  open(path, { headers = {}, ...init } = {}) {
    return this.#fetch(this.#server + path, { ...init, headers: this.#headers(headers) });
  }

  #headers(extra) {
    const token = this.#token();
    return token ? { Authorization: `Bearer ${token}`, ...extra } : { ...extra };
  }

  async request(method, path, body) {
    let response;
    try {
      response = await this.open(path, {
        method,
        headers: body === undefined ? { Accept: 'application/json' }
          : { Accept: 'application/json', 'Content-Type': 'application/json; charset=utf-8' },
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch (e) {
      throw new ConversationsError(NETWORK_ERROR, `the service at ${this.#server} cannot be reached: ${e.message}`);
    }
    if (response.status === 204) {
      return null;
    }
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch (e) {
      throw new ConversationsError(UNREACHABLE, `the service answered ${response.status} without JSON`, response.status);
    }
    if (!response.ok) {
      const { code, message, ...details } = json && typeof json === 'object' ? json : {};
      throw new ConversationsError(typeof code === 'number' ? code : response.status * 100,
        typeof message === 'string' ? message : `HTTP ${response.status}`, response.status, details);
    }
    return json;
  }

  get(path) { return this.request('GET', path); }
  post(path, body) { return this.request('POST', path, body === undefined ? {} : body); }
  put(path, body) { return this.request('PUT', path, body); }
  patch(path, body) { return this.request('PATCH', path, body); }
  delete(path, body) { return this.request('DELETE', path, body); }
}

/** A path segment: percent-encoded UTF-8 (group names may be Chinese). */
export const seg = (value) => encodeURIComponent(value);
