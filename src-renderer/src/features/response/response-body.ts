export type BodyView =
  | { kind: 'empty' }
  | { kind: 'json'; text: string }
  | { kind: 'text'; text: string };

function looksJson(contentType: string | undefined, body: string): boolean {
  if (contentType && /[/+]json\b/i.test(contentType)) return true;
  const first = body.trimStart()[0];
  return first === '{' || first === '[';
}

/** Pretty-print JSON bodies; anything else (or JSON that does not parse) stays raw text. */
export function viewBody(body: string, contentType?: string): BodyView {
  if (body.length === 0) return { kind: 'empty' };
  if (looksJson(contentType, body)) {
    try {
      return { kind: 'json', text: JSON.stringify(JSON.parse(body), null, 2) };
    } catch {
      // A truncated or malformed JSON body: show it as it came.
    }
  }
  return { kind: 'text', text: body };
}

/** A header's value by case-insensitive name. */
export function headerValue(headers: readonly { name: string; value: string }[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower)?.value;
}

/** How often `needle` occurs in `text`, case-insensitively (0 for an empty needle). */
export function countMatches(text: string, needle: string): number {
  if (needle === '') return 0;
  const hay = text.toLowerCase();
  const n = needle.toLowerCase();
  let count = 0;
  for (let i = hay.indexOf(n); i !== -1; i = hay.indexOf(n, i + n.length)) count++;
  return count;
}
