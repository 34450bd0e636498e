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
