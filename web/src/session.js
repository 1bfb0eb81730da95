// Where the service is when a page does not say: the origin the SDK's script was loaded from (the service
// serves it at /sdk/), else the page's own origin.
const scriptOrigin = (() => {
  try {
    const script = typeof document !== 'undefined' ? document.currentScript : null;
    return script && script.src ? new URL(script.src).origin : null;
  } catch (e) {
    return null;
  }
})();

export function defaultServer() {
  if (scriptOrigin) {
    return scriptOrigin;
  }
  if (typeof location !== 'undefined' && location.origin && location.origin !== 'null') {
    return location.origin;
  }
  throw new Error('no server: pass {server: "https://..."} (the page is not served from the service)');
}

/**
 * The chat most recently logged in, as DingTalk's calls see it when dd.config() gave no token: its token and its
 * server, read when asked, and nothing else of it.
 * @type {{latest: {token: () => string | null, server: () => string} | null}}
 */
export const sessions = { latest: null };

/** The token's claims (not verified here: the service verifies every call). */
export function readClaims(token) {
  const parts = token.split('.');
  if (parts.length !== 3) {
    return null;
  }
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')),
      (ch) => '%' + ch.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
    return JSON.parse(json);
  } catch (e) {
    return null;
  }
}
