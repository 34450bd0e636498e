/** RFC 3339 UTC at whole-second precision, e.g. `2025-06-01T12:00:00Z`. */
export function toRfc3339(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
