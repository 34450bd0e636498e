import type { ErrorCode } from '../../src-preload/contract';

/** An error a user can meet: a code and a sentence that says what to do. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppFailure';
  }
}
