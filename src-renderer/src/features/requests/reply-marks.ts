import type { ResponseView } from '../../../../src-preload/contract';

/** The sandbox (and Helplane) mark a stored first answer replayed for a reused Idempotency-Key so. */
export function isReplayed(response: Pick<ResponseView, 'headers'>): boolean {
  return response.headers.some((h) => h.name.toLowerCase() === 'idempotent-replayed' && h.value.trim().toLowerCase() === 'true');
}

/** A reply worth sending again as it was: too many requests, or the server failed. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}
