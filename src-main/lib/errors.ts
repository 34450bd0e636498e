import type { ErrorCode } from '../../src-preload/contract';

/** An error a user can meet: a code and a sentence that says what to do. */
export class AppFailure extends Error {
  /** Might the same request succeed if sent again (a dropped connection, a timeout)? Not for a bad certificate or a redirect loop. */
  readonly retryable: boolean;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: { retryable?: boolean } = {},
  ) {
    super(message);
    this.name = 'AppFailure';
    this.retryable = options.retryable ?? (code === 'network_error' || code === 'timeout');
  }
}
