import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src-main/sandbox-server/server';

let sandbox: RunningSandbox | null = null;
afterEach(async () => {
  await sandbox?.close();
  sandbox = null;
});

interface Trickled {
  reply: string;
  /** Trickled bytes written before the server closed the connection. */
  sent: number;
  /** Whether every byte of `drip` was written (the server never cut the request). */
  finished: boolean;
}

/** Sends `head` at once, then `drip` one byte every 100 ms (a slow-loris client), until the server closes. */
function trickle(baseUrl: string, head: string, drip: string): Promise<Trickled> {
  const { port } = new URL(baseUrl);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    let reply = '';
    let sent = 0;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (reply += chunk));
    socket.on('error', () => {}); // a write after the server's close: the close event settles it
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ reply, sent, finished: sent === drip.length });
    });
    socket.write(head);
    const timer = setInterval(() => {
      if (socket.destroyed) return void clearInterval(timer);
      // Everything sent and the server still listening: it never cut the request.
      if (sent === drip.length) return void socket.end();
      socket.write(drip[sent++]!);
    }, 100);
  });
}

describe('the sandbox cuts slow clients', () => {
  it('answers 408 and closes a request whose body is trickled past the request timeout', async () => {
    sandbox = await startSandbox({ requestTimeoutMs: 500 });
    const body = JSON.stringify({ name: 'x'.repeat(80) });
    const result = await trickle(
      sandbox.baseUrl,
      'POST /_sandbox/workspaces/ws_acme/api_keys HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
        `Authorization: Bearer ${sandbox.adminToken}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${body.length}\r\n\r\n`,
      body,
    );
    expect(result.finished).toBe(false);
    expect(result.reply).toMatch(/^HTTP\/1\.1 408 /);
  }, 20_000);

  it('answers 408 and closes a request whose headers are trickled past the timeout', async () => {
    sandbox = await startSandbox({ requestTimeoutMs: 500 });
    const result = await trickle(sandbox.baseUrl, 'GET /v1/openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ', 'y'.repeat(100));
    expect(result.finished).toBe(false);
    expect(result.reply).toMatch(/^HTTP\/1\.1 408 /);
  }, 20_000);

  it('still serves an ordinary request with a short timeout', async () => {
    sandbox = await startSandbox({ requestTimeoutMs: 500 });
    const created = await fetch(`${sandbox.baseUrl}/_sandbox/workspaces/ws_acme/api_keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'quick' }),
    });
    expect(created.status).toBe(201);
  });

  it('refuses a request timeout of zero, which would mean none', async () => {
    await expect(startSandbox({ requestTimeoutMs: 0 })).rejects.toThrow(/requestTimeoutMs/);
  });
});
