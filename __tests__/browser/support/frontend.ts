import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';

// A relying party's frontend, as small as it gets: a page on its own loopback origin that loads
// the real @trinsic/web-ui 2.0.1 from node_modules and launches a launch URL in each of its three
// modes, and a /done page for redirects to come back to. What the web UI resolves or rejects with
// is kept in `window.launchResults` for the test to read. `/no-referrer` is the same page sent
// with `Referrer-Policy: no-referrer` (helmet's default), so the launch page cannot learn its
// origin; `/listen` keeps every message any window posts to it in `window.received`.

const WEB_UI = readFileSync(createRequire(import.meta.url).resolve('@trinsic/web-ui'), 'utf8');

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Relying party</title>
<script src="/web-ui.js"></script></head>
<body>
<h1>Relying party test page</h1>
<button id="popup" type="button">Verify in a popup</button>
<script>
  window.launchResults = [];
  var settle = function (promise) {
    promise.then(
      function (result) { window.launchResults.push({ resolved: true, value: result }); },
      function (error) { window.launchResults.push({ resolved: false, value: error }); });
  };
  window.startIframe = function (url) { settle(TrinsicUI.launchIframe(url)); };
  window.startRedirect = function (url, back) { TrinsicUI.launchRedirect(url, back); };
  // A real click opens the popup; the launch URL is ready by then.
  document.getElementById('popup').addEventListener('click', function () {
    settle(TrinsicUI.launchPopup(function () { return Promise.resolve(window.nextLaunchUrl); }));
  });
</script>
</body></html>`;

const DONE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Back at the relying party</title></head>
<body><h1>Back at the relying party</h1><pre id="query"></pre>
<script>document.getElementById('query').textContent = location.search;</script>
</body></html>`;

const LISTEN = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Listening</title></head>
<body><h1>Listening for messages</h1>
<script>
  window.received = [];
  window.addEventListener('message', function (event) {
    window.received.push({ origin: event.origin, data: event.data });
  });
</script>
</body></html>`;

export interface Frontend {
  /** e.g. `http://127.0.0.1:40001`: another origin than the sandbox's. */
  readonly url: string;
  close(): Promise<void>;
}

export const startFrontend = async (): Promise<Frontend> => {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://frontend.invalid').pathname;
    const [type, body] =
      path === '/web-ui.js'
        ? ['text/javascript', WEB_UI]
        : path === '/done'
          ? ['text/html', DONE]
          : path === '/listen'
            ? ['text/html', LISTEN]
            : path === '/' || path === '/no-referrer'
              ? ['text/html', PAGE]
              : ['text/plain', ''];
    response.writeHead(body === '' ? 404 : 200, {
      'content-type': `${type}; charset=utf-8`,
      ...(path === '/no-referrer' ? { 'referrer-policy': 'no-referrer' } : {}),
    });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
};
