import { createServer, type IncomingHttpHeaders, type ServerResponse, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordingServer {
  origin: string;
  seen: Array<{ method: string; url: string; headers: IncomingHttpHeaders }>;
  close(): Promise<void>;
}

/** A loopback server that records every request it gets and answers with `handler`. */
export async function startRecordingServer(
  handler: (req: IncomingMessage, res: ServerResponse, origin: string) => void,
): Promise<RecordingServer> {
  const seen: RecordingServer['seen'] = [];
  let origin = '';
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    handler(req, res, origin);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    seen,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
