import type { SendRequestInput } from '../../../src-preload/contract';
import type { KeyRecord, SecretStore } from '../../ports';
import { AppFailure } from '../../lib/errors';
import { buildUrl, checkUserHeaders } from './request-guard';

const ENCODINGS = 'gzip, deflate, br';

/** A request ready for callApi: where it goes, what it carries, and the key's secret. */
export interface PreparedRequest {
  origin: string;
  url: URL;
  headers: Record<string, string>;
  secret: string;
}

/**
 * The set-up every send with a stored key shares (the request builder's Send and Save to file), in
 * this order once the key's origin is known (keys/key-origin.ts): the URL under it, the user's
 * headers checked, no body on a GET or HEAD, and last the secret from the keychain.
 */
export async function prepareRequest(
  secrets: SecretStore,
  record: KeyRecord,
  origin: string,
  input: Pick<SendRequestInput, 'method' | 'path' | 'query' | 'headers' | 'body'>,
): Promise<PreparedRequest> {
  const url = buildUrl(origin, input.path, input.query);
  const headers = { Accept: 'application/json', 'Accept-Encoding': ENCODINGS, ...checkUserHeaders(input.headers ?? []) };
  if (input.body !== undefined && (input.method === 'GET' || input.method === 'HEAD')) {
    throw new AppFailure('request_rejected', `A ${input.method} request cannot have a body. Remove the body or use POST.`);
  }
  const secret = await secrets.get(record.id);
  if (secret === null) {
    throw new AppFailure('secret_missing', `The keychain has no secret for “${record.name}”. Delete the key and add it again.`);
  }
  return { origin, url, headers, secret };
}
