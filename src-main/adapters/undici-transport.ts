import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { performance } from 'node:perf_hooks';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { pipeline, Readable, type Transform } from 'node:stream';
import { Agent, EnvHttpProxyAgent, errors, request, type Dispatcher } from 'undici';
import type { ProxyMode } from '../../src-preload/contract';
import type { HttpAdapterFactory, HttpRequest, HttpResponse, HttpTransport } from '../ports';
import { AppFailure } from '../lib/errors';
import { isLoopbackHost } from '../lib/loopback';

const CONNECT_TIMEOUT_MS = 10_000;

export interface UndiciTransportOptions {
  /**
   * The proxy choice from Settings, read on every send. `system` and `env` both read HTTPS_PROXY /
   * HTTP_PROXY / NO_PROXY: on Linux there is no other system-wide proxy setting a plain process
   * can read. `none` ignores them.
   */
  proxyMode?: () => ProxyMode;
  /** Extra CA certificates (PEM) to trust; tests use it for a self-signed loopback server. */
  ca?: string;
}

function failure(error: unknown, req: HttpRequest, connectMs: number): AppFailure {
  const host = new URL(req.url).host;
  if (error instanceof AppFailure) return error;
  if (error instanceof errors.HeadersTimeoutError) {
    return new AppFailure('timeout', `${host} sent no response headers within ${Math.round(req.timeoutMs / 1000)} s. Try again, or raise the timeout in Settings.`);
  }
  if (error instanceof errors.BodyTimeoutError) {
    return new AppFailure('timeout', `${host} stopped sending the body for ${Math.round(req.timeoutMs / 1000)} s. Try again, or raise the timeout in Settings.`);
  }
  if (error instanceof errors.ConnectTimeoutError) {
    return new AppFailure('timeout', `Could not connect to ${host} within ${Math.round(connectMs / 1000)} s.`);
  }
  if (error instanceof errors.RequestAbortedError || (error instanceof Error && error.name === 'AbortError')) {
    return new AppFailure('cancelled', 'The request was cancelled.');
  }
  const code = (error as { code?: string }).code ?? '';
  const cause = (error as { cause?: { code?: string } }).cause?.code ?? '';
  const what = [code, cause].filter(Boolean).join(' ') || (error instanceof Error ? error.message : 'unknown error');
  if (/ECONNREFUSED/.test(what)) return new AppFailure('network_error', `${host} refused the connection. Is the server running?`);
  if (/ENOTFOUND|EAI_AGAIN/.test(what)) return new AppFailure('network_error', `${host} could not be found. Check the address and your network.`);
  if (/CERT|SSL|TLS|SELF_SIGNED/i.test(what)) {
    return new AppFailure('network_error', `The TLS connection to ${host} failed (${what}): the server's certificate is not trusted, expired or for another name. Check the URL; a proxy that inspects TLS needs its CA installed.`, { retryable: false });
  }
  if (/Z_DATA_ERROR|Z_BUF_ERROR|ERR_PADDING|decompress/i.test(what)) {
    return new AppFailure('network_error', `${host} sent a compressed body that could not be decoded (${what}).`);
  }
  return new AppFailure('network_error', `The request to ${host} failed: ${what}.`);
}

function decoder(encoding: string | undefined): Transform | null {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'br':
      return createBrotliDecompress();
    case 'deflate':
      return createInflate();
    default:
      return null;
  }
}

/** One HTTP exchange on undici; never follows redirects (callApi in services/http/call-api.ts decides). */
export interface UndiciTransport extends HttpTransport {
  /** A transport that writes each response body to `path` (the last response wins): Save to file. */
  toFile(path: string): HttpTransport;
}

export function createUndiciTransport(options: UndiciTransportOptions = {}): UndiciTransport {
  const connect = (timeout: number) => ({ timeout, ...(options.ca ? { ca: options.ca } : {}) });
  const dispatchers = new Map<string, Dispatcher>();
  function dispatcherFor(mode: ProxyMode, connectMs: number): Dispatcher {
    const id = `${mode === 'none' ? 'none' : 'env'}:${connectMs}`;
    let d = dispatchers.get(id);
    if (!d) {
      d = mode === 'none' ? new Agent({ connect: connect(connectMs) }) : new EnvHttpProxyAgent({ connect: connect(connectMs) });
      dispatchers.set(id, d);
    }
    return d;
  }

  function dispatcherOf(url: URL, connectMs: number): Dispatcher {
    // The loopback sandbox is never reached through a proxy.
    return dispatcherFor(isLoopbackHost(url.hostname) ? 'none' : (options.proxyMode?.() ?? 'env'), connectMs);
  }

  /**
   * One exchange with the body in memory, on undici's dispatch API: the chunks are collected as
   * they arrive (decoded through zlib when compressed, cut at maxBodyBytes), without the stream
   * and async iterator request() builds around every body. (request() uses the same handler
   * methods underneath.)
   */
  function buffered(req: HttpRequest): Promise<HttpResponse> {
    const started = performance.now();
    const connectMs = req.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
    let url: URL;
    try {
      url = new URL(req.url);
    } catch (error) {
      return Promise.reject(failure(error, req, connectMs));
    }
    return new Promise<HttpResponse>((resolve, reject) => {
      const { signal } = req;
      let abortRequest: ((reason?: Error) => void) | null = null;
      let settled = false;
      let status = 0;
      let statusText = '';
      let ttfbMs = 0;
      const headers: Array<{ name: string; value: string }> = [];
      let decode: Transform | null = null;
      const chunks: Buffer[] = [];
      let size = 0;
      let wire = 0;
      let truncated = false;
      const done = (error: unknown) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onSignal);
        if (error !== null) {
          decode?.destroy();
          reject(failure(error, req, connectMs));
          return;
        }
        resolve({
          status,
          statusText: statusText || STATUS_CODES[status] || '',
          headers,
          body: chunks.length === 1 ? chunks[0]! : new Uint8Array(Buffer.concat(chunks)),
          bodyTruncated: truncated,
          durationMs: performance.now() - started,
          ttfbMs,
          wireBytes: wire,
        });
      };
      const onSignal = () => abortRequest?.(new errors.RequestAbortedError());
      /** Decoded bytes: kept up to maxBodyBytes; past it, the rest is not read at all. */
      const take = (buf: Buffer) => {
        if (truncated) return;
        if (size + buf.byteLength > req.maxBodyBytes) {
          chunks.push(buf.subarray(0, req.maxBodyBytes - size));
          size = req.maxBodyBytes;
          truncated = true;
          done(null);
          decode?.destroy();
          abortRequest?.(new errors.RequestAbortedError());
          return;
        }
        chunks.push(buf);
        size += buf.byteLength;
      };
      if (signal?.aborted) {
        done(new errors.RequestAbortedError());
        return;
      }
      signal?.addEventListener('abort', onSignal, { once: true });
      const handler: Dispatcher.DispatchHandler = {
        onConnect(abort) {
          abortRequest = abort;
          if (signal?.aborted) abort(new errors.RequestAbortedError());
        },
        onHeaders(statusCode, rawHeaders, resume, message) {
          // 1xx informational answers come before the real one.
          if (statusCode < 200) return true;
          status = statusCode;
          statusText = message;
          ttfbMs = performance.now() - started;
          let encoding: string | undefined;
          for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
            const name = rawHeaders[i]!.toString('latin1').toLowerCase();
            const value = rawHeaders[i + 1]!.toString('latin1');
            headers.push({ name, value });
            if (name === 'content-encoding' && encoding === undefined) encoding = value;
          }
          decode = decoder(encoding);
          if (decode) {
            decode.on('data', take);
            decode.on('error', (error) => done(error));
            decode.on('end', () => done(null));
            decode.on('drain', resume);
          }
          return true;
        },
        onData(chunk) {
          wire += chunk.byteLength;
          if (decode) return decode.write(chunk);
          take(chunk);
          return !truncated;
        },
        onComplete() {
          if (decode) decode.end();
          else done(null);
        },
        onError(error) {
          done(error);
        },
      };
      try {
        dispatcherOf(url, connectMs).dispatch(
          {
            origin: url.origin,
            path: `${url.pathname}${url.search}`,
            method: req.method as Dispatcher.HttpMethod,
            headers: req.headers,
            body: req.body ?? null,
            headersTimeout: req.timeoutMs,
            bodyTimeout: req.timeoutMs,
          },
          handler,
        );
      } catch (error) {
        done(error);
      }
    });
  }

  /** One exchange streamed to `file`: the decoded body, with no size cap (Save to file). */
  async function toFile(req: HttpRequest, file: string): Promise<HttpResponse> {
    const started = performance.now();
    const connectMs = req.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
    try {
      const res = await request(req.url, {
        method: req.method as 'GET',
        headers: req.headers,
        body: req.body ?? null,
        dispatcher: dispatcherOf(new URL(req.url), connectMs),
        headersTimeout: req.timeoutMs,
        bodyTimeout: req.timeoutMs,
        ...(req.signal ? { signal: req.signal } : {}),
      });
      const ttfbMs = performance.now() - started;
      const encodingHeader = res.headers['content-encoding'];
      const decode = decoder(Array.isArray(encodingHeader) ? encodingHeader[0] : encodingHeader);
      let wire = 0;
      // Count wire bytes as they arrive and decode through zlib.
      const wireCounted = (async function* () {
        for await (const chunk of res.body) {
          wire += (chunk as Buffer).byteLength;
          yield chunk as Buffer;
        }
      })();
      let source: AsyncIterable<Buffer> = wireCounted;
      if (decode) {
        // pipeline (not pipe) so a failure on either side ends the iteration with that error.
        pipeline(Readable.from(wireCounted), decode, () => undefined);
        source = decode;
      }
      const out = createWriteStream(file, { mode: 0o600 });
      for await (const buf of source) {
        if (!out.write(buf)) await once(out, 'drain');
      }
      await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
      const headers: Array<{ name: string; value: string }> = [];
      for (const [name, value] of Object.entries(res.headers)) {
        if (value === undefined) continue;
        for (const v of Array.isArray(value) ? value : [value]) headers.push({ name, value: v });
      }
      return {
        status: res.statusCode,
        statusText: STATUS_CODES[res.statusCode] ?? '',
        headers,
        body: new Uint8Array(0),
        bodyTruncated: false,
        durationMs: performance.now() - started,
        ttfbMs,
        wireBytes: wire,
      };
    } catch (error) {
      throw failure(error, req, connectMs);
    }
  }

  return {
    send: (req) => buffered(req),
    toFile: (path) => ({ send: (req) => toFile(req, path) }),
  };
}

/** The HTTP layer every host uses: undici, with the proxy setting read on every send. */
export const undiciHttp: HttpAdapterFactory = (proxyMode) => {
  const transport = createUndiciTransport({ proxyMode });
  return { transport, toFile: (path) => transport.toFile(path) };
};
