/** The `error.code` of a Helplane API error body (`{"error":{"code":…}}`), or null for any other body. */
export function apiErrorCode(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown } } | null;
    return typeof parsed?.error?.code === 'string' ? parsed.error.code : null;
  } catch {
    return null;
  }
}
