import type { Output, ParsedInput, SendRequestInput, SnippetLanguage } from '../../../src-preload/contract';
import type { SecretStore } from '../../ports';
import { redactSecret } from '../../helplane/key-format';
import { AppFailure } from '../../lib/errors';
import type { RequestService } from './request-service';
import { buildUrl, checkUserHeaders } from './request-guard';
import { SNIPPET_WRITERS, type SnippetRequest } from './snippet-languages';

/**
 * Copy as code. The key is never an input here: the snippet reads `$HELPLANE_API_KEY` (or the
 * language's equivalent; the browser one has a constant to paste it into), and anything key-shaped
 * the user typed elsewhere is redacted. The URL and headers are checked and built as Send builds
 * them (request-guard), so the snippet sends what Send would.
 */
export function generateSnippet(origin: string, request: SendRequestInput, language: SnippetLanguage, secret: string | null): string {
  const scrub = (text: string) => redactSecret(text, secret);
  if (request.body !== undefined && (request.method === 'GET' || request.method === 'HEAD')) {
    throw new AppFailure('request_rejected', `A ${request.method} request cannot have a body. Remove the body or use POST.`);
  }
  const query = (request.query ?? []).map((q) => ({ name: scrub(q.name), value: scrub(q.value) }));
  const url = buildUrl(origin, scrub(request.path), query);
  const headers = Object.entries(checkUserHeaders(request.headers ?? [])).map(([name, value]): [string, string] => [name, scrub(value)]);
  // As callApi does: a body without a Content-Type is sent as JSON.
  if (request.body !== undefined && !headers.some(([name]) => name.toLowerCase() === 'content-type')) {
    headers.push(['Content-Type', 'application/json']);
  }
  const snippet: SnippetRequest = { method: request.method, url: url.href, headers };
  if (request.body !== undefined) snippet.body = scrub(request.body);
  const code = SNIPPET_WRITERS[language](snippet);
  if (secret && code.includes(secret)) {
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
