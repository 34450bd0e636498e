/** Errors are values across the IPC boundary: every reply is a Result. */
export type ErrorCode =
  | 'unknown_channel'
  | 'invalid_argument'
  | 'forbidden_sender'
  | 'internal_error'
  | 'not_found'
  | 'invalid_key_format'
  | 'invalid_base_url'
  | 'keychain_unavailable'
  | 'keychain_locked'
  | 'keychain_write_failed'
  | 'metadata_write_failed'
  | 'settings_write_failed'
  | 'secret_missing'
  | 'sandbox_unavailable'
  | 'request_rejected'
  | 'network_error'
  | 'timeout'
  | 'cancelled'
  | 'response_too_large'
  | 'api_error'
  | 'rate_limited'
  | 'export_failed'
  | 'key_in_response'
  | 'key_environment_unknown';

export interface AppError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}
