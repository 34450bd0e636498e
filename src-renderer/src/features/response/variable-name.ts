/**
 * The name Use as variable suggests for a value: its key, made a valid variable name; an `id`
 * is named after what its prefix says it is (`ct_…` → contact_id), so a chain reads plainly.
 */

const ID_KINDS: Record<string, string> = { ct: 'contact', cv: 'conversation', msg: 'message', req: 'request', ws: 'workspace', key: 'key' };

export function suggestVariableName(key: string | undefined, value: unknown, parentKey?: string): string {
  const prefix = typeof value === 'string' ? /^([a-z]+)_/.exec(value)?.[1] : undefined;
  let base = key !== undefined && !/^\d+$/.test(key) ? key : parentKey !== undefined && !/^\d+$/.test(parentKey) ? parentKey : 'value';
  if (base === 'id' || base === 'next_cursor') {
    const kind = prefix ? ID_KINDS[prefix] : undefined;
    if (kind) base = base === 'id' ? `${kind}_id` : `next_${kind}_cursor`;
  }
  const clean = base.replace(/[^A-Za-z0-9_.-]/g, '_');
  return /^[A-Za-z_]/.test(clean) ? clean : `v_${clean}`;
}

/** What a leaf holds as a variable: a string as is, anything else as its JSON text (as captures do). */
export function variableValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
