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

/** The chat most recently logged in: DingTalk's calls use its token when dd.config() gave none. */
export const sessions = { latest: null };
