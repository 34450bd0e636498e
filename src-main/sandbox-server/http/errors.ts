/** The spec's error taxonomy: every failure the sandbox reports is one of these. */
export type ErrorType =
  | 'invalid_request'
  | 'authentication_error'
  | 'permission_error'
  | 'conflict'
  | 'validation_error'
  | 'rate_limit_error'
  | 'api_error';

export interface ErrorBody {
  error: { type: ErrorType; code: string; message: string; param: string | null; request_id: string };
}

/** Thrown inside the app; the error handler turns it into the spec's error body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: ErrorType,
    readonly code: string,
    message: string,
    readonly param: string | null = null,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(requestId: string): ErrorBody {
    return {
      error: { type: this.type, code: this.code, message: this.message, param: this.param, request_id: requestId },
    };
  }
}

export const invalidParam = (param: string, message: string): ApiError =>
  new ApiError(400, 'invalid_request', 'invalid_request', message, param);

export const notFound = (message: string, param: string | null = null): ApiError =>
  new ApiError(404, 'invalid_request', 'not_found', message, param);

export const validationFailed = (param: string | null, message: string): ApiError =>
  new ApiError(422, 'validation_error', 'validation_failed', message, param);

export const internalError = (): ApiError =>
  new ApiError(
    500,
    'api_error',
    'internal_error',
    'The sandbox hit an unexpected error. Retry, and report the request id if it persists.',
  );
