import { redactKeys } from './key-format';

const SECRET_HEADER = /\b(x-api-key|x-helplane-token)(["']?\s*[:=]\s*["']?)([^\s"',;}]+)/gi;
const BEARER = /\b(bearer)(\s+)([^\s"',;}]+)/gi;
const SECRET_FIELD = /(["']?(?:secret|adminToken|admin_token|apiKey|api_key|token|password)["']?\s*[:=]\s*["']?)([^\s"',;}&]+)/gi;

/**
 * Remove anything secret from a log entry: key-shaped strings (kept to their prefix), the values
 * of X-API-Key and the web host's token header, Bearer credentials (the sandbox admin token) and
 * fields named like a secret. Applied to every entry, whatever its source.
 */
export function redactLogText(text: string): string {
  return redactKeys(text)
    .replace(SECRET_HEADER, (_m, name: string, sep: string) => `${name}${sep}[redacted]`)
    .replace(BEARER, (_m, scheme: string, space: string) => `${scheme}${space}[redacted]`)
    .replace(SECRET_FIELD, (_m, head: string) => `${head}[redacted]`);
}
