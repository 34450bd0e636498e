// HTTP/2 has no reason phrase, so statusText is often empty: fall back to the standard words.
const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** "200 OK", "429 Too Many Requests", "599" when nothing is known. */
export function statusLine(status: number, statusText: string): string {
  const reason = statusText.trim() || REASONS[status];
  return reason ? `${status} ${reason}` : String(status);
}

/** The status class for colouring: "2xx", "4xx", … */
export function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}
