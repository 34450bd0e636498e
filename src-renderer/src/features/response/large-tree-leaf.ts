/** A leaf's key and value from its printed text (`"id": "ct_1"`, or `"ct_1"` in an array); undefined when it does not parse. */
export function leafOf(text: string): { name: string | undefined; value: unknown } | undefined {
  const t = text.trim().replace(/,$/, '');
  try {
    if (t.startsWith('"')) {
      const keyed = JSON.parse(`{${t}}`) as Record<string, unknown>;
      const [name] = Object.keys(keyed);
      if (name !== undefined) return { name, value: keyed[name] };
    }
  } catch {
    // Not `"key": value`: a bare array item.
  }
  try {
    return { name: undefined, value: JSON.parse(t) as unknown };
  } catch {
    return undefined;
  }
}
