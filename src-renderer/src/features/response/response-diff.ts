import { diffLines } from 'diff';
import type { ResponseHistoryEntryView } from '../../../../src-preload/contract';

/**
 * Compare two responses of a tab: the status, the headers (added, removed, changed) and a line
 * diff (jsdiff) of the bodies pretty-printed, so a reordered or re-indented JSON body shows only
 * what changed. Long unchanged runs are folded to a few lines of context.
 */

export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string } | { kind: 'folded'; count: number };
export interface HeaderChange {
  name: string;
  change: 'added' | 'removed' | 'changed';
  from?: string;
  to?: string;
}
export interface ResponseDiff {
  status: { from: string; to: string } | null;
  headers: HeaderChange[];
  /** Null when the bodies were too different to diff within the time allowed. */
  lines: DiffLine[] | null;
  added: number;
  removed: number;
  /** Diff lines past LINES_SHOWN_MAX, not shown (the counts above are whole). */
  hiddenLines: number;
}

const CONTEXT = 3;
/** Two very different 1 MB bodies would be tens of thousands of rows: the start is shown. */
export const LINES_SHOWN_MAX = 2000;
const DIFF_TIMEOUT_MS = 2000;
/** Headers that differ on every reply and say nothing about the change. */
const VOLATILE = new Set(['date', 'x-request-id', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'ratelimit', 'etag', 'age']);

export function prettyBody(text: string): string {
  try {
    return `${JSON.stringify(JSON.parse(text), null, 2)}\n`;
  } catch {
    return text.endsWith('\n') ? text : `${text}\n`;
  }
}

function headerChanges(a: ResponseHistoryEntryView['headers'], b: ResponseHistoryEntryView['headers']): HeaderChange[] {
  const map = (list: ResponseHistoryEntryView['headers']) => {
    const m = new Map<string, string>();
    for (const h of list) {
      const key = h.name.toLowerCase();
      m.set(key, m.has(key) ? `${m.get(key)}, ${h.value}` : h.value);
    }
    return m;
  };
  const from = map(a);
  const to = map(b);
  const out: HeaderChange[] = [];
  for (const [name, value] of from) {
    if (VOLATILE.has(name)) continue;
    if (!to.has(name)) out.push({ name, change: 'removed', from: value });
    else if (to.get(name) !== value) out.push({ name, change: 'changed', from: value, to: to.get(name)! });
  }
  for (const [name, value] of to) if (!VOLATILE.has(name) && !from.has(name)) out.push({ name, change: 'added', to: value });
  return out;
}

function fold(lines: { kind: 'same' | 'added' | 'removed'; text: string }[]): DiffLine[] {
  const out: DiffLine[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.kind !== 'same') {
      out.push(lines[i]!);
      i++;
      continue;
    }
    let end = i;
    while (end < lines.length && lines[end]!.kind === 'same') end++;
    const run = lines.slice(i, end);
    const keepStart = i === 0 ? 0 : CONTEXT;
    const keepEnd = end === lines.length ? 0 : CONTEXT;
    if (run.length > keepStart + keepEnd + 1) {
      out.push(...run.slice(0, keepStart), { kind: 'folded', count: run.length - keepStart - keepEnd }, ...run.slice(run.length - keepEnd));
    } else out.push(...run);
    i = end;
  }
  return out;
}

/** `older` → `newer`: what changed from the first to the second. */
export function diffResponses(older: ResponseHistoryEntryView, newer: ResponseHistoryEntryView, shownMax = LINES_SHOWN_MAX): ResponseDiff {
  const status = older.status !== newer.status ? { from: `${older.status} ${older.statusText}`.trim(), to: `${newer.status} ${newer.statusText}`.trim() } : null;
  const changes = diffLines(prettyBody(older.body), prettyBody(newer.body), { timeout: DIFF_TIMEOUT_MS });
  if (!changes) return { status, headers: headerChanges(older.headers, newer.headers), lines: null, added: 0, removed: 0, hiddenLines: 0 };
  const lines: { kind: 'same' | 'added' | 'removed'; text: string }[] = [];
  let added = 0;
  let removed = 0;
  for (const change of changes) {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const texts = change.value.replace(/\n$/, '').split('\n');
    if (kind === 'added') added += texts.length;
    if (kind === 'removed') removed += texts.length;
    for (const text of texts) lines.push({ kind, text });
  }
  const folded = fold(lines);
  return { status, headers: headerChanges(older.headers, newer.headers), lines: folded.slice(0, shownMax), added, removed, hiddenLines: Math.max(0, folded.length - shownMax) };
}
