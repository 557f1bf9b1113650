/**
 * The script a tenant puts on its website (`<script async src="<public URL>/t/script.js">`).
 * It keeps the visitor token a tracked e-mail link brought (`?l2c=…`) in a first-party
 * cookie and localStorage, takes it out of the address bar, and reports each page view with
 * the time it was visible, by `navigator.sendBeacon` to `POST /t/v`, when the page is hidden
 * or left. Visitors who never came from our e-mail are not tracked at all.
 */
export const TRACKING_SCRIPT = `(function () {
  var KEY = 'l2c_t';
  var me = document.currentScript;
  var base = me && me.src ? me.src.replace(/\\/t\\/script\\.js.*$/, '') : '';
  if (!base) return;
  function readCookie(name) {
    var m = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
    return m ? decodeURIComponent(m[1]) : null;
  }
  var params = new URLSearchParams(location.search);
  var token = params.get('l2c');
  if (token) {
    try { localStorage.setItem(KEY, token); } catch (e) {}
    document.cookie = KEY + '=' + encodeURIComponent(token) + '; path=/; max-age=' + 180 * 86400 + '; SameSite=Lax' +
      (location.protocol === 'https:' ? '; Secure' : '');
    params.delete('l2c');
    if (history.replaceState) {
      var q = params.toString();
      history.replaceState(history.state, '', location.pathname + (q ? '?' + q : '') + location.hash);
    }
  } else {
    try { token = localStorage.getItem(KEY); } catch (e) {}
    token = token || readCookie(KEY);
  }
  if (!token) return;
  var pv = (window.crypto && crypto.randomUUID ? crypto.randomUUID() : Date.now().toString(36) + Math.random().toString(36).slice(2))
    .replace(/[^A-Za-z0-9_-]/g, '');
  var url = location.href;
  var visibleMs = 0;
  var since = document.visibilityState === 'visible' ? Date.now() : 0;
  var sent = -1;
  function pause() { if (since) { visibleMs += Date.now() - since; since = 0; } }
  function send() {
    var d = Math.round(visibleMs / 1000);
    if (d === sent) return;
    sent = d;
    var body = JSON.stringify({ t: token, u: url, pv: pv, d: d, ti: document.title, r: document.referrer });
    if (navigator.sendBeacon) navigator.sendBeacon(base + '/t/v', body);
    else fetch(base + '/t/v', { method: 'POST', body: body, keepalive: true, mode: 'no-cors' });
  }
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') { pause(); send(); } else { since = Date.now(); }
  });
  window.addEventListener('pagehide', function () { pause(); send(); });
})();
`;
