import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { checkKeyFormat } from '../key-format';
import { secretForms, unescapePrintable } from '../secret-forms';
import type { CollectionProblem } from './problems';

/**
 * Nothing secret is saved in a collection: before a request or collection file is written, its text
 * is searched for every stored key's value (the caller passes them: only SecretStore reads keys) and
 * for any checksum-valid Helplane key, in the forms a copy could take (as is, JSON-escaped,
 * URL-encoded, `\uXXXX` escapes, YAML escapes in a quoted value). A finding names the file, the
 * field and the line, and the key's name when it is one of the user's; never the secret.
 */

/** A stored key the caller knows: its name (shown) and value (searched for, never shown). */
export interface KnownSecret {
  name: string;
  value: string;
}

export interface SecretFinding {
  file: string;
  /** `headers.X-API-Key`, `body`, or undefined for text outside any value (a comment). */
  field: string | undefined;
  line: number;
  /** The stored key's name, or undefined for a Helplane key that is not one of the user's. */
  keyName: string | undefined;
}

/** Stored keys are at least this long (custom servers accept 8): a shorter "secret" would match everywhere. */
const SECRET_MIN = 8;
const HL_KEY = /hl_(?:live|test)_[0-9A-Za-z]{38}/g;

interface Hit {
  keyName: string | undefined;
  /** Where in the searched text the hit starts (for a value: in its decoded text). */
  at: number;
}

function hitsIn(text: string, secrets: readonly KnownSecret[]): Hit[] {
  const hits: Hit[] = [];
  const candidates = [...new Set([text, unescapePrintable(text)])];
  for (const candidate of candidates) {
    for (const secret of secrets) {
      for (const form of secretForms(secret.value)) {
        const at = candidate.indexOf(form);
        if (at >= 0) hits.push({ keyName: secret.name, at });
      }
    }
    for (const match of candidate.matchAll(HL_KEY)) {
      if (!checkKeyFormat(match[0]).ok) continue;
      const mine = secrets.find((s) => s.value === match[0]);
      if (!mine) hits.push({ keyName: undefined, at: match.index });
    }
  }
  return hits;
}

interface ScalarAt {
  field: string;
  text: string;
  node: Node;
}

/** Every scalar (map keys too) with its field path in the file's words. */
function scalars(node: unknown, field: string, out: ScalarAt[]): void {
  if (isScalar(node)) {
    if (node.value !== null && node.value !== undefined) out.push({ field, text: String(node.value), node });
  } else if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const name = isScalar(pair.key) ? String(pair.key.value) : '?';
      const path = field ? `${field}.${name}` : name;
      scalars(pair.key, path, out);
      scalars(pair.value, path, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => scalars(item, `${field}[${index}]`, out));
  }
}

/** Every place in `text` (the file `file`) that holds a secret; empty when none. */
export function findSecrets(text: string, file: string, secrets: readonly KnownSecret[]): SecretFinding[] {
  const usable = secrets.filter((s) => s.value.length >= SECRET_MIN);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  const findings: SecretFinding[] = [];
  const seen = new Set<string>();
  const add = (finding: SecretFinding) => {
    const id = `${finding.line}\u0000${finding.field ?? ''}\u0000${finding.keyName ?? ''}`;
    if (seen.has(id)) return;
    seen.add(id);
    findings.push(finding);
  };
  const found: ScalarAt[] = [];
  scalars(doc.contents, '', found);
  const valueLines = new Set<number>();
  for (const scalar of found) {
    const [start = 0, end = start] = scalar.node.range ?? [];
    for (const hit of hitsIn(scalar.text, usable)) {
      // The line of the hit itself inside a block value when its text is there as is; else the value's first line.
      const raw = text.slice(start, end);
      const offset = rawOffset(raw, scalar.text, hit);
      const line = lines.linePos(start + offset).line;
      add({ file, field: scalar.field, line, keyName: hit.keyName });
      valueLines.add(line);
    }
  }
  // What no value holds: comments, and a file that does not parse.
  text.split('\n').forEach((lineText, index) => {
    if (valueLines.has(index + 1)) return;
    for (const hit of hitsIn(lineText, usable)) add({ file, field: undefined, line: index + 1, keyName: hit.keyName });
  });
  return findings.sort((a, b) => a.line - b.line);
}

function rawOffset(raw: string, decoded: string, hit: Hit): number {
  const probe = decoded.slice(hit.at, hit.at + 12);
  const at = probe ? raw.indexOf(probe) : -1;
  return at >= 0 ? at : 0;
}

function findingWords(finding: SecretFinding): string {
  const where = [finding.file, finding.field ? `field ${finding.field}` : 'outside any field (a comment?)', `line ${finding.line}`].join(', ');
  const what = finding.keyName !== undefined ? `the value of your key “${finding.keyName}”` : 'a Helplane API key';
  return `${where} holds ${what}`;
}

/** The refusal for `findings` (undefined when there are none): where each is, never what. */
export function secretRefusal(findings: readonly SecretFinding[]): CollectionProblem | undefined {
  const first = findings[0];
  if (!first) return undefined;
  const more = findings.length > 1 ? ` (and ${findings.length - 1} more place${findings.length > 2 ? 's' : ''}: ${findings.slice(1, 4).map((f) => `line ${f.line}`).join(', ')})` : '';
  return {
    code: 'secret_in_file',
    file: first.file,
    field: first.field,
    line: first.line,
    message: `Not saved: ${findingWords(first)}${more}. A request names its key (key: name and environment); the key itself stays in the keychain.`,
  };
}
