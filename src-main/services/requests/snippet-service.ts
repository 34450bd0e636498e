import { HTTPSnippet, type HarRequest } from 'httpsnippet';
import type { Output, ParsedInput, SendRequestInput, SnippetLanguage } from '../../../src-preload/contract';
import type { SecretStore } from '../../ports';
import { redactSecret } from '../../helplane/key-format';
import { AppFailure } from '../../lib/errors';
import type { RequestService } from './request-service';

const PLACEHOLDER = '__HELPLANE_API_KEY__';

const TARGETS: Record<SnippetLanguage, [string, string]> = {
  curl: ['shell', 'curl'],
  'javascript-fetch': ['javascript', 'fetch'],
  node: ['node', 'fetch'],
  'python-requests': ['python', 'requests'],
  go: ['go', 'native'],
};

/** Swap the placeholder for each language's way of reading HELPLANE_API_KEY from the environment. */
const REFERENCE: Record<SnippetLanguage, (code: string) => string> = {
  // Double quotes so the shell expands the variable.
  curl: (c) => c.replace(`'X-API-Key: ${PLACEHOLDER}'`, '"X-API-Key: $HELPLANE_API_KEY"'),
  'javascript-fetch': (c) => c.replace(`'${PLACEHOLDER}'`, 'process.env.HELPLANE_API_KEY'),
  // Node 18+ has fetch built in.
  node: (c) => c.replace("const fetch = require('node-fetch');\n\n", '').replace(`'${PLACEHOLDER}'`, 'process.env.HELPLANE_API_KEY'),
  'python-requests': (c) => `import os\n${c.replace(`"${PLACEHOLDER}"`, 'os.environ["HELPLANE_API_KEY"]')}`,
  go: (c) => c.replace('import (\n', 'import (\n\t"os"\n').replace(`"${PLACEHOLDER}"`, 'os.Getenv("HELPLANE_API_KEY")'),
};

/**
 * A redacted path and query as RFC 3986 allows them: "[redacted]" and the "…" of a cut key are not
 * URI characters, and httpsnippet refuses a URL with them (Copy as code then failed as a bug).
 */
function uriSafe(pathAndQuery: string): string {
  return pathAndQuery.replace(/[[\]]|[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
}

/**
 * Copy as code. The key is never an input here: the snippet reads `$HELPLANE_API_KEY` (or the
 * language's equivalent), and anything key-shaped the user typed elsewhere is redacted.
 */
export function generateSnippet(origin: string, request: SendRequestInput, language: SnippetLanguage, secret: string | null): string {
  const scrub = (text: string) => redactSecret(text, secret);
  const url = new URL(request.path, origin);
  for (const q of request.query ?? []) if (q.name.trim()) url.searchParams.append(q.name.trim(), q.value);
  const headers = [
    { name: 'X-API-Key', value: PLACEHOLDER },
    ...(request.headers ?? []).filter((h) => h.name.trim() && h.name.trim().toLowerCase() !== 'x-api-key').map((h) => ({ name: h.name.trim(), value: scrub(h.value) })),
  ];
  if (request.body !== undefined && !headers.some((h) => h.name.toLowerCase() === 'content-type')) {
    headers.push({ name: 'Content-Type', value: 'application/json' });
  }
  const har: HarRequest = {
    method: request.method,
    url: `${url.origin}${uriSafe(scrub(url.href.slice(url.origin.length)))}`,
    httpVersion: 'HTTP/1.1',
    headers,
    queryString: [...url.searchParams].map(([name, value]) => ({ name, value: scrub(value) })),
    cookies: [],
    headersSize: -1,
    bodySize: -1,
    // HarRequest types postData as required; httpsnippet treats a missing one as "no body".
    postData: request.body !== undefined ? { mimeType: 'application/json', text: scrub(request.body) } : undefined,
  };
  const [target, client] = TARGETS[language];
  const raw = new HTTPSnippet(har).convert(target as 'shell', client);
  const code = REFERENCE[language](Array.isArray(raw) ? raw.join('\n') : String(raw));
  if (code.includes(PLACEHOLDER) || (secret && code.includes(secret))) {
    throw new AppFailure('internal_error', 'The code snippet could not be made without the key; nothing was copied.');
  }
  return code;
}

/** Copy as code for a request of the builder, at its key's origin. */
export class SnippetService {
  constructor(private readonly deps: { requests: RequestService; secrets: SecretStore }) {}

  /** The secret is read only so that no trace of it can reach the snippet (generateSnippet scrubs it). */
  async snippet(input: ParsedInput<'requestSnippet'>): Promise<Output<'requestSnippet'>> {
    const { origin, record } = await this.deps.requests.originFor(input.request.keyId);
    const secret = await this.deps.secrets.get(record.id).catch(() => null);
    return { language: input.language, code: generateSnippet(origin, input.request, input.language, secret) };
  }
}
