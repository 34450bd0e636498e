import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { EVENT_CHANNELS, INVOKE_CHANNELS, err } from '../../src-preload/contract';
import type { EventSink } from '../ports';
import { newCspNonce, withCspNonce } from '../app/csp-nonce';
import { rendererCsp } from '../app/security';
import type { IpcRouter } from '../ipc/router';
import type { DownloadRegistry } from './download-targets';
import { DOWNLOAD_COOKIE, downloadCookieAllowed, hostAllowed, originAllowed, tokenAllowed } from './guard';
import { readStatic } from './static-files';

/** Largest IPC request body accepted (the API caps request bodies at 1 MiB; JSON adds a little). */
const MAX_IPC_BODY = 2 * 1024 * 1024;

/** The web host's CSP: the renderer's, except the shim must reach this server. */
export const WEB_HOST_CSP = rendererCsp({ connectSelf: true });

/** The CSP of one HTML response: WEB_HOST_CSP plus that response's style nonce. */
export function webHostPageCsp(styleNonce: string): string {
  return rendererCsp({ connectSelf: true, styleNonce });
}

const SHIM_SOURCE = readFileSync(new URL('./web-shim.js', import.meta.url), 'utf8');

export interface WebHostOptions {
  port?: number;
  rendererDir: string;
  /** Built once the server knows its port (the router's sender check needs the origin). */
  createRouter: (ctx: { origin: string; events: EventSink }) => Promise<{ router: IpcRouter; dispose(): Promise<void>; downloads?: DownloadRegistry }>;
  token?: string;
}

export interface WebHost {
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json'): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  res.end(body);
}

function refuse(res: ServerResponse, status: number, message: string): void {
  send(res, status, JSON.stringify(err('forbidden_sender', message)));
}

/** Past this much, an oversized body is no longer drained: the connection is cut instead. */
const MAX_DRAIN = 16 * 1024 * 1024;

/** The body as text, or null when it is over the cap (the rest is drained so the 413 can be read). */
async function readBody(req: IncomingMessage): Promise<string | null> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_DRAIN) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  // Breaking out of the loop would destroy the socket before the 413 is sent: keep reading, stop storing.
  for await (const chunk of req) {
    size += (chunk as Buffer).byteLength;
    if (size > MAX_DRAIN) {
      req.destroy();
      return null;
    }
    if (size <= MAX_IPC_BODY) chunks.push(chunk as Buffer);
  }
  return size > MAX_IPC_BODY ? null : Buffer.concat(chunks).toString('utf8');
}

function indexHtml(html: string): string {
  const config = JSON.stringify({ operations: INVOKE_CHANNELS, events: EVENT_CHANNELS }).replace(/'/g, '&#39;');
  const tag = `<script src="/__helplane/web-shim.js" data-config='${config}'></script>`;
  return html.replace('<head>', `<head>\n    ${tag}`);
}

/** Serve the renderer plus `POST /ipc/<channel>` and `GET /events` on 127.0.0.1. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  // Downloads are link clicks, which cannot carry the token header: a page that shows the token gets this cookie for them.
  const downloadSession = randomBytes(32).toString('base64url');
  const rendererDir = resolve(options.rendererDir);
  const streams = new Set<ServerResponse>();
  const events: EventSink = {
    emit(event, payload) {
      // The types keep callers to the contract's events; this keeps a cast or a bug from writing `event: undefined`.
      const channel = EVENT_CHANNELS[event] as string | undefined;
      if (channel === undefined) return;
      const frame = `event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const res of streams) res.write(frame);
    },
  };
  let router: IpcRouter | null = null;
  let downloads: DownloadRegistry | undefined = undefined;
  let port = 0;
  let origin = '';

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, JSON.stringify(err('internal_error', 'The console host failed.')));
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req, port)) return refuse(res, 421, 'Unknown Host.');
    let url: URL;
    try {
      // Read the target as a path on this origin: `new URL('//[', origin)` would take `//…` for
      // another host and throw on a malformed one, which was a 500 for the client's mistake.
      const target = req.url ?? '/';
      if (!target.startsWith('/')) throw new TypeError('not origin-form');
      url = new URL(origin + target);
    } catch {
      return send(res, 400, JSON.stringify(err('invalid_argument', 'The request path is malformed; ask for a path like /index.html.')));
    }

    if (url.pathname.startsWith('/ipc/')) {
      if (req.method !== 'POST') return refuse(res, 405, 'Use POST.');
      if (!originAllowed(req, port, true)) return refuse(res, 403, 'Cross-origin call refused.');
      if (!tokenAllowed(req, token)) return refuse(res, 401, 'Missing or wrong console token. Open the URL printed by `npm run web`.');
      if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
        return send(res, 415, JSON.stringify(err('invalid_argument', 'Send JSON.')));
      }
      const raw = await readBody(req);
      if (raw === null) {
        res.setHeader('Connection', 'close');
        return send(res, 413, JSON.stringify(err('invalid_argument', 'The request is too large.')));
      }
      let arg: unknown;
      try {
        const parsed = JSON.parse(raw) as { arg?: unknown } | null;
        arg = parsed !== null && typeof parsed === 'object' && 'arg' in parsed ? parsed.arg : undefined;
      } catch {
        return send(res, 400, JSON.stringify(err('invalid_argument', 'The request is not valid JSON.')));
      }
      let channel: string;
      try {
        channel = decodeURIComponent(url.pathname.slice('/ipc/'.length));
      } catch {
        // A malformed escape (`/ipc/%`) names no channel: say so rather than fail with a 500.
        return send(res, 200, JSON.stringify(err('unknown_channel', 'This operation does not exist.')));
      }
      // JSON has no undefined: `null` stands for "no argument".
      const result = await router!.handle(channel, { origin: req.headers.origin ?? null, isMainFrame: true }, arg === null ? undefined : arg);
      return send(res, 200, JSON.stringify(result));
    }

    if (url.pathname === '/events') {
      if (!originAllowed(req, port, false)) return refuse(res, 403, 'Cross-origin call refused.');
      if (!tokenAllowed(req, token)) return refuse(res, 401, 'Missing or wrong console token.');
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }

    if (url.pathname === '/__helplane/download-session') {
      if (req.method !== 'POST') return refuse(res, 405, 'Use POST.');
      if (!originAllowed(req, port, true)) return refuse(res, 403, 'Cross-origin call refused.');
      if (!tokenAllowed(req, token)) return refuse(res, 401, 'Missing or wrong console token.');
      res.writeHead(204, {
        'Set-Cookie': `${DOWNLOAD_COOKIE}=${downloadSession}; Path=/__helplane/downloads/; HttpOnly; SameSite=Strict`,
        'Cache-Control': 'no-store',
      });
      return void res.end();
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Use GET.');
    if (url.pathname.startsWith('/__helplane/downloads/')) {
      // A link click: same origin, and the cookie a page that showed the token was given; the export
      // id (64 random bits, known only to the page that started it) must name a finished file.
      if (!originAllowed(req, port, false)) return refuse(res, 403, 'Cross-origin call refused.');
      if (!downloadCookieAllowed(req, downloadSession)) return refuse(res, 401, 'Downloads need the console page: open the URL printed by `npm run web`.');
      const file = downloads?.resolve(url.pathname.slice('/__helplane/downloads/'.length)) ?? null;
      if (!file) return send(res, 404, 'No such export.', 'text/plain; charset=utf-8');
      res.writeHead(200, {
        'Content-Type': file.fileName.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      createReadStream(file.path).on('error', () => res.destroy()).pipe(res);
      return;
    }
    if (url.pathname === '/__helplane/web-shim.js') return send(res, 200, SHIM_SOURCE, 'text/javascript; charset=utf-8');
    const path = url.pathname === '/' ? '/index.html' : url.pathname;
    const file = await readStatic(rendererDir, path);
    if (!file) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    if (path === '/index.html') {
      // A fresh nonce per HTML response, in the page and in its CSP (send() marks it no-store).
      const nonce = newCspNonce();
      res.setHeader('Content-Security-Policy', webHostPageCsp(nonce));
      return send(res, 200, withCspNonce(indexHtml(file.body.toString('utf8')), nonce), file.type);
    }
    res.setHeader('Content-Security-Policy', WEB_HOST_CSP);
    res.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
    res.end(file.body);
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  let core: Awaited<ReturnType<WebHostOptions['createRouter']>>;
  try {
    core = await options.createRouter({ origin, events });
  } catch (error) {
    server.close();
    throw error;
  }
  router = core.router;
  downloads = core.downloads;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    async close() {
      for (const res of streams) res.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await core.dispose();
    },
  };
}
