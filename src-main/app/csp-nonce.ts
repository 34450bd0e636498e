import { randomBytes } from 'node:crypto';

/**
 * What the built index.html carries where a host puts each page load's CSP nonce
 * (`<meta property="csp-nonce" nonce="…">`, read by the renderer for CodeMirror's style tags).
 */
export const CSP_NONCE_PLACEHOLDER = '__HELPLANE_CSP_NONCE__';

/** A fresh nonce: 128 random bits, base64 (the CSP nonce grammar). One per page load, never reused. */
export function newCspNonce(): string {
  return randomBytes(16).toString('base64');
}

/** The page with this load's nonce in place of the placeholder. */
export function withCspNonce(html: string, nonce: string): string {
  return html.replaceAll(CSP_NONCE_PLACEHOLDER, nonce);
}
