// What a refused call rejects with: Tencent's error object (an Error with `code`, `message` and `data`) and
// DingTalk's onFail argument are both this. `code` is the service's code (API.md's error table: 51009, 51010,
// 40301, ...); the SDK's own failures use Tencent's code where Tencent has one for the same failure (2999 for a
// call before login, 2800 when the service cannot be reached) and the service's table otherwise (40001 for a
// malformed argument). `data` holds the HTTP status (0 when no request was made) and what else the service said.
export class ConversationsError extends Error {
  constructor(code, message, status = 0, details = {}) {
    super(message);
    this.name = 'ConversationsError';
    this.code = code;
    this.status = status;
    this.data = { status, ...details };
    // DingTalk's onFail callers read errorCode / errorMessage.
    this.errorCode = code;
    this.errorMessage = message;
  }
}

export const NOT_LOGGED_IN = 40101;
export const MALFORMED = 40001;
export const UNREACHABLE = 50301;
/** Tencent's SDK_IS_NOT_READY: a call before login() (or after logout or a kick-out). */
export const SDK_IS_NOT_READY = 2999;
/** Tencent's NETWORK_ERROR: the service could not be reached at all. */
export const NETWORK_ERROR = 2800;
export const CANCELLED = -1;

export function malformed(field, expected) {
  return new ConversationsError(MALFORMED, `${field} must be ${expected}`, 400);
}

export function requireString(value, field) {
  if (typeof value !== 'string' || value.length === 0) {
    throw malformed(field, 'a non-empty string');
  }
  return value;
}

export function requireIdList(value, field) {
  if (!Array.isArray(value) || value.some((id) => typeof id !== 'string')) {
    throw malformed(field, 'an array of conversation ids');
  }
  return value;
}
