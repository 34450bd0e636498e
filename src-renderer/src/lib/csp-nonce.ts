/** The little of a document this reads (also type-checked and run under Node in tests). */
export interface NonceSource {
  querySelector(selector: string): { nonce?: string; getAttribute(name: string): string | null } | null;
}

/**
 * This page load's CSP style nonce, which the host wrote into `<meta property="csp-nonce">`
 * (the host's CSP admits only <style> tags that carry it). Read through the `nonce` property:
 * browsers hide the attribute once a CSP applies. Undefined in the dev server (placeholder left).
 */
export function cspStyleNonce(doc: NonceSource | undefined = (globalThis as { document?: NonceSource }).document): string | undefined {
  const meta = doc?.querySelector('meta[property="csp-nonce"]');
  const nonce = meta?.nonce || meta?.getAttribute('nonce') || '';
  return nonce === '' || nonce.startsWith('__HELPLANE') ? undefined : nonce;
}
