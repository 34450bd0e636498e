import { mayHoldKey, redactSecret } from '../../helplane/key-format';
import type { TabDraftInput } from './draft-schema';

/**
 * A draft as main may keep it: every text without a stored key's value (in any form a key can be
 * written: escaped, encoded, base64, a piece of it; secret-forms.ts, key-pieces.ts) and without
 * anything shaped like a Helplane key, and no X-API-Key header (the Key picker sets it). What was
 * taken out is named, so the tab can say so.
 */

export interface ScrubbedDraft {
  draft: TabDraftInput;
  /** One sentence per place a key was found, naming the place; empty when nothing was. */
  warnings: string[];
}

const KEY_HEADER = 'x-api-key';

/** `text` without the key-shaped strings and without any of `secrets`, each in all its forms. */
function scrubText(text: string, secrets: readonly string[]): string {
  let out = mayHoldKey(text, null) ? redactSecret(text, null) : text;
  for (const secret of secrets) {
    if (secret !== '' && mayHoldKey(out, secret)) out = redactSecret(out, secret);
  }
  return out;
}

export function scrubDraft(draft: TabDraftInput, secrets: readonly string[]): ScrubbedDraft {
  const warnings: string[] = [];
  const text = (value: string, where: string) => {
    const out = scrubText(value, secrets);
    if (out !== value) warnings.push(`${where} held an API key; it was replaced by [redacted] and is not kept.`);
    return out;
  };
  // Named in a warning by its scrubbed name only: the name itself may be what held the key.
  const pairs = (list: TabDraftInput['query'], what: string) =>
    list.map((p, index) => {
      const name = text(p.name, `The name of ${what} ${index + 1}`);
      return { name, value: text(p.value, `The ${what} ${name.slice(0, 40) || index + 1}`) };
    });
  const headers = draft.headers.filter((h) => h.name.trim().toLowerCase() !== KEY_HEADER);
  if (headers.length < draft.headers.length) {
    warnings.push('The X-API-Key header is not kept: the console sets it from the Key picker.');
  }
  return {
    draft: {
      ...draft,
      name: text(draft.name, 'The tab name'),
      path: text(draft.path, 'The path'),
      pathParams: pairs(draft.pathParams, 'path parameter'),
      query: pairs(draft.query, 'query parameter'),
      headers: pairs(headers, 'header'),
      body: draft.body === null ? null : text(draft.body, 'The body'),
      ...(draft.captures ? { captures: draft.captures.map((c, i) => ({ variable: text(c.variable, `Capture ${i + 1}`), path: text(c.path, `Capture ${i + 1}`) })) } : {}),
      // A test is kept whole or not at all: a scrubbed expected value would be a different test.
      ...(draft.tests ? { tests: draft.tests.filter((t, i) => text(JSON.stringify(t), `Test ${i + 1}`) === JSON.stringify(t)) } : {}),
    },
    warnings,
  };
}
