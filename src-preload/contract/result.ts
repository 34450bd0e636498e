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
  | 'key_environment_unknown'
  | 'key_read_only'
  // ─── Key rotation (issue 19) ───
  /** The replacement of a rotation does not work (or is of another workspace): nothing was changed. */
  | 'key_refused'
  /** The old key of a rotation still works when it should be refused (not yet revoked in the dashboard). */
  | 'key_still_active'
  /** Whether the old key is refused could not be learned (offline, a server error). */
  | 'key_check_failed'
  // ─── Collections (issue 16) ───
  /** A save would write a stored key's value or a Helplane key into a file; the message names file, field and line. */
  | 'secret_in_file'
  /** A request uses `{{name}}` with no value in the collection, environment or runtime variables; the message names them. */
  | 'undefined_variable'
  /** Variables refer to each other without end; the message names the chain. */
  | 'variable_loop'
  /** The file changed (or was deleted) on disk since it was read: take theirs (reload) or keep mine (replaceDiskVersion). */
  | 'changed_on_disk'
  /** Another request or file already has this name in the folder. */
  | 'name_taken'
  /** The file on disk does not parse; it is not written over unless the user keeps theirs. */
  | 'damaged_file'
  /** A request or collection field is not valid in the collection format; the message names the field. */
  | 'invalid_collection_field'
  /** A collection folder or file is past the size caps (too many requests, a file too large). */
  | 'collection_too_large'
  /** A folder path that is not an existing folder (or a path that leaves the collection). */
  | 'not_a_folder'
  /** Reading or writing a collection file failed (permissions, disk full); the message says which. */
  | 'collection_io_error';

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
