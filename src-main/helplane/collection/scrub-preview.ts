import { mayHoldKey, redactSecret } from '../key-format';

/**
 * The resolved request main shows before Send (requests:resolve) never carries a key back: a stored
 * key's value or a checksum-valid Helplane key typed into a value, a header or the body — or put
 * there by a variable — is replaced as History replaces it. The request is still sent as typed
 * (to the key's own origin only); only the reply that shows it is scrubbed.
 */

interface PreviewShape {
  path?: string | undefined;
  params: { name: string; value: string }[];
  query: { name: string; value: string | string[] }[];
  headers: { name: string; value: string }[];
  body?: string | undefined;
}

function scrub(text: string, secrets: readonly string[]): string {
  let out = mayHoldKey(text, null) ? redactSecret(text, null) : text;
  for (const secret of secrets) if (secret !== '' && mayHoldKey(out, secret)) out = redactSecret(out, secret);
  return out;
}

export function scrubPreview<T extends PreviewShape>(preview: T, secrets: readonly string[]): T {
  const s = (text: string) => scrub(text, secrets);
  return {
    ...preview,
    ...(preview.path !== undefined ? { path: s(preview.path) } : {}),
    params: preview.params.map((p) => ({ ...p, value: s(p.value) })),
    query: preview.query.map((q) => ({ ...q, value: Array.isArray(q.value) ? q.value.map(s) : s(q.value) })),
    headers: preview.headers.map((h) => ({ ...h, value: s(h.value) })),
    ...(preview.body !== undefined ? { body: s(preview.body) } : {}),
  };
}
