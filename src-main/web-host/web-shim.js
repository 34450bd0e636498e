// @ts-check
// window.helplane for the web host: the same DesktopApi as the Electron preload, over
// POST /ipc/<channel> and a Server-Sent Events stream. Loaded as a classic script before the app.
(function installHelplaneWebShim() {
  'use strict';
  var config = JSON.parse(document.currentScript ? document.currentScript.dataset.config || '{}' : '{}');
  var TOKEN_KEY = 'helplane.web-host.token';
  var match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  var token = match ? match[1] : sessionStorage.getItem(TOKEN_KEY);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    // Keep the token out of the address bar and history.
    history.replaceState(null, '', location.pathname + location.search);
  }

  /** @param {string} channel @param {unknown} arg */
  function invoke(channel, arg) {
    return fetch('/ipc/' + encodeURIComponent(channel), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Helplane-Token': token || '' },
      body: JSON.stringify({ arg: arg === undefined ? null : arg }),
      credentials: 'omit',
    }).then(
      function (res) {
        return res.json().catch(function () {
          return { ok: false, error: { code: 'internal_error', message: 'The console host sent an unreadable reply (HTTP ' + res.status + ').' } };
        });
      },
      function () {
        return { ok: false, error: { code: 'network_error', message: 'The console host is not reachable. Is `npm run web` still running?' } };
      },
    );
  }

  /** @type {Record<string, Set<(payload: unknown) => void>>} */
  var listeners = {};
  function connectEvents() {
    fetch('/events', { headers: { 'X-Helplane-Token': token || '' }, credentials: 'omit' })
      .then(function (res) {
        if (!res.ok || !res.body) throw new Error('events refused');
        var reader = res.body.getReader();
        var decoder = new TextDecoder();
        var buffer = '';
        function pump() {
          return reader.read().then(function (chunk) {
            if (chunk.done) throw new Error('events ended');
            buffer += decoder.decode(chunk.value, { stream: true });
            var at;
            while ((at = buffer.indexOf('\n\n')) >= 0) {
              var block = buffer.slice(0, at);
              buffer = buffer.slice(at + 2);
              var event = '';
              var data = '';
              block.split('\n').forEach(function (line) {
                if (line.indexOf('event: ') === 0) event = line.slice(7);
                else if (line.indexOf('data: ') === 0) data += line.slice(6);
              });
              var set = listeners[event];
              if (set && data) {
                var payload = JSON.parse(data);
                set.forEach(function (fn) { fn(payload); });
              }
            }
            return pump();
          });
        }
        return pump();
      })
      .catch(function () {
        setTimeout(connectEvents, 1000);
      });
  }

  /** @type {Record<string, unknown>} */
  var api = {};
  Object.keys(config.operations || {}).forEach(function (op) {
    var channel = config.operations[op];
    api[op] = function (/** @type {unknown} */ arg) { return invoke(channel, arg); };
  });
  Object.keys(config.events || {}).forEach(function (name) {
    var channel = config.events[name];
    listeners[channel] = new Set();
    api['on' + name.charAt(0).toUpperCase() + name.slice(1)] = function (/** @type {(p: unknown) => void} */ fn) {
      listeners[channel].add(fn);
      return function () { listeners[channel].delete(fn); };
    };
  });
  Object.defineProperty(window, 'helplane', { value: Object.freeze(api), writable: false, configurable: false });
  connectEvents();
  // Downloads are plain link clicks: trade the token for the cookie they need.
  fetch('/__helplane/download-session', { method: 'POST', headers: { 'X-Helplane-Token': token || '' }, credentials: 'same-origin' }).catch(function () {});
})();
