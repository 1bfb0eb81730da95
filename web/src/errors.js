// What a refused call rejects with: Tencent's imError (an Error with `code` and `message`) and DingTalk's
// onFail argument are both this. `code` is the service's code (API.md's error table: 51009, 51010, 40301, ...);
// the SDK's own failures use the same table (40101 before login, 40001 for a malformed argument,
// 50301 when the service cannot be reached).
export class ConversationsError extends Error {
  constructor(code, message, status = 0) {
    super(message);
    this.name = 'ConversationsError';
    this.code = code;
    this.status = status;
    // DingTalk's onFail callers read errorCode / errorMessage.
    this.errorCode = code;
    this.errorMessage = message;
  }
}

export const NOT_LOGGED_IN = 40101;
export const MALFORMED = 40001;
export const UNREACHABLE = 50301;
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
