import { STATUS_CODES } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Agent, errors, request } from 'undici';
import type { HttpRequest, HttpResponse, HttpTransport } from '../ports';
import { AppFailure } from '../services/errors';

const CONNECT_TIMEOUT_MS = 10_000;

function failure(error: unknown, req: HttpRequest): AppFailure {
  const host = new URL(req.url).host;
  if (error instanceof errors.HeadersTimeoutError || error instanceof errors.BodyTimeoutError) {
    return new AppFailure('timeout', `${host} did not answer within ${Math.round(req.timeoutMs / 1000)} s. Try again, or raise the timeout in Settings.`);
  }
  if (error instanceof errors.ConnectTimeoutError) {
    return new AppFailure('timeout', `Could not connect to ${host} within ${CONNECT_TIMEOUT_MS / 1000} s.`);
  }
  if (error instanceof errors.RequestAbortedError || (error instanceof Error && error.name === 'AbortError')) {
    return new AppFailure('cancelled', 'The request was cancelled.');
  }
  const code = (error as { code?: string }).code ?? '';
  const cause = (error as { cause?: { code?: string } }).cause?.code ?? '';
  const what = code || cause || (error instanceof Error ? error.message : 'unknown error');
  if (/ECONNREFUSED/.test(what)) return new AppFailure('network_error', `${host} refused the connection. Is the server running?`);
  if (/ENOTFOUND|EAI_AGAIN/.test(what)) return new AppFailure('network_error', `${host} could not be found. Check the address and your network.`);
  if (/CERT|SSL|TLS/i.test(what)) return new AppFailure('network_error', `The TLS connection to ${host} failed (${what}). The server's certificate is not trusted.`);
  return new AppFailure('network_error', `The request to ${host} failed: ${what}.`);
}

/** One HTTP exchange on undici; never follows redirects (the API client decides). */
export function createUndiciTransport(): HttpTransport {
  const agent = new Agent({ connect: { timeout: CONNECT_TIMEOUT_MS } });
  return {
    async send(req: HttpRequest): Promise<HttpResponse> {
      const started = performance.now();
      try {
        const res = await request(req.url, {
          method: req.method as 'GET',
          headers: req.headers,
          body: req.body ?? null,
          dispatcher: agent,
          headersTimeout: req.timeoutMs,
          bodyTimeout: req.timeoutMs,
          ...(req.signal ? { signal: req.signal } : {}),
        });
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        for await (const chunk of res.body) {
          const buf = chunk as Buffer;
          if (size + buf.byteLength > req.maxBodyBytes) {
            chunks.push(buf.subarray(0, req.maxBodyBytes - size));
            size = req.maxBodyBytes;
            truncated = true;
            res.body.destroy();
            break;
          }
          chunks.push(buf);
          size += buf.byteLength;
        }
        const headers: Array<{ name: string; value: string }> = [];
        for (const [name, value] of Object.entries(res.headers)) {
          if (value === undefined) continue;
          for (const v of Array.isArray(value) ? value : [value]) headers.push({ name, value: v });
        }
        return {
          status: res.statusCode,
          statusText: statusText(res.statusCode),
          headers,
          body: new Uint8Array(Buffer.concat(chunks)),
          bodyTruncated: truncated,
          durationMs: performance.now() - started,
        };
      } catch (error) {
        throw failure(error, req);
      }
    },
  };
}

function statusText(status: number): string {
  return STATUS_CODES[status] ?? '';
}
