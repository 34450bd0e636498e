// The baseline: a bare Fastify route answering GET /v1/conversations with a fixed JSON body, parsed
// once at start and serialized per request, as the sandbox does (minus auth, limits and SQLite).
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: bare-server.ts <json file>');
const body: unknown = JSON.parse(readFileSync(file, 'utf8'));

const app = Fastify({ logger: false });
app.get('/v1/conversations', async () => body);
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (address === null || typeof address === 'string') throw new Error('no port');
process.stdout.write(`Bare: http://127.0.0.1:${address.port}\n`);
const stop = () => void app.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
