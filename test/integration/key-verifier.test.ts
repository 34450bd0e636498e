import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createUndiciTransport } from '../../src-main/adapters/undici-transport';
import { verifyKey } from '../../src-main/services/keys/key-verifier';
import { startRecordingServer, type RecordingServer } from '../helpers/recording-server';

const transport = createUndiciTransport();
const servers: RecordingServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('Unverified always says why', () => {
  it('a refused connection is named', async () => {
    const v = await verifyKey(transport, `http://127.0.0.1:${await closedPort()}`, 'secret-abcdefgh');
    expect(v.status).toBe('unverified');
    expect(v.reason).toMatch(/^Not checked: .*refused the connection/);
  });

  it('a server error is named with its status and code', async () => {
    const server = await startRecordingServer((_req, res) => {
      res.writeHead(503, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'maintenance', message: 'Down' } }));
    });
    servers.push(server);
    const v = await verifyKey(transport, server.origin, 'secret-abcdefgh');
    expect(v).toMatchObject({ status: 'unverified' });
    expect(v.reason).toContain('server had an error (503 maintenance)');
  });

  it('a hostile server that names the key as its error code does not get it into the reason (kept in keys.json, shown everywhere)', async () => {
    const secret = 'custom-Secret-7fQ2xZ9kLmN0';
    const server = await startRecordingServer((_req, res) => {
      res.writeHead(500, { 'Content-Type': 'application/json', 'X-Workspace-Id': `ws_${secret}` });
      res.end(JSON.stringify({ error: { code: `bad_${secret}`, message: 'x' } }));
    });
    servers.push(server);
    const v = await verifyKey(transport, server.origin, secret);
    expect(v.status).toBe('unverified');
    expect(v.reason).toContain('server had an error (500');
    expect(v.reason).not.toContain(secret);
    expect(v.reason).not.toContain(secret.slice(8, 18));
    expect(v.workspaceId).not.toContain(secret);
  });

  it('a status that says nothing about the key is named too', async () => {
    const server = await startRecordingServer((_req, res) => {
      res.writeHead(404).end();
    });
    servers.push(server);
    const v = await verifyKey(transport, server.origin, 'secret-abcdefgh');
    expect(v.reason).toContain('answered 404');
  });

  it('a verdict needs no reason', async () => {
    const server = await startRecordingServer((_req, res) => {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'revoked_api_key', message: 'Revoked' } }));
    });
    servers.push(server);
    expect(await verifyKey(transport, server.origin, 'secret-abcdefgh')).toEqual({ status: 'revoked', workspaceId: null, reason: null });
  });
});
