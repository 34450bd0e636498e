import { createHash } from 'node:crypto';
import { AccessLogEntrySchema, type AccessLogEntry, type AccessLogIntegrity } from '../../../src-preload/contract';

/** What the first line's `prev` holds: no line came before it. */
export const GENESIS_HASH = '0'.repeat(64);

/** SHA-256 (hex) of one line's text, without its newline: what the next line's `prev` must hold. */
export function lineHash(line: string): string {
  return createHash('sha256').update(line, 'utf8').digest('hex');
}

/** One entry as its line: the fields in one fixed order, so the same entry is always the same bytes. */
export function entryLine(entry: AccessLogEntry): string {
  const { seq, time, user, key, action, target, prev } = entry;
  return JSON.stringify({ seq, time, user, key, action, target, prev });
}

/** What the console last wrote, kept beside the log: without it, lines cut from the end could not be told. */
export interface ChainHead {
  entries: number;
  lastHash: string;
}

export interface ChainReading {
  /** Every line that parses as an entry, in file order (after a break too: they are still shown). */
  entries: AccessLogEntry[];
  integrity: AccessLogIntegrity;
  /** Where a new line continues the chain: the last line's hash and seq (the file's, whatever it holds). */
  lastHash: string;
  lastSeq: number;
  /** The file does not end with a newline (a write cut short): the next line starts on a new one. */
  endsMidLine: boolean;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Read the file's text: its entries, and whether the chain holds from the first line to the head. */
export function readChain(text: string, head: ChainHead | null): ChainReading {
  const lines = text.split('\n');
  const endsMidLine = lines[lines.length - 1] !== '';
  if (!endsMidLine) lines.pop();
  if (text === '') lines.length = 0;
  const entries: AccessLogEntry[] = [];
  let problem: { line: number; message: string } | null = null;
  let prevHash = GENESIS_HASH;
  let prevSeq = 0;
  lines.forEach((line, index) => {
    const at = index + 1;
    let entry: AccessLogEntry | null = null;
    try {
      const parsed = AccessLogEntrySchema.safeParse(JSON.parse(line));
      if (parsed.success) entry = parsed.data;
    } catch {
      // Not JSON: reported below as a changed line.
    }
    if (!problem) {
      if (!entry) {
        problem = { line: at, message: endsMidLine && at === lines.length ? `Line ${at} was cut short.` : `Line ${at} was changed or damaged.` };
      } else if (entry.prev !== prevHash) {
        // A gap in the numbers says lines went; the same number says the line before was edited.
        const expected = prevSeq + 1;
        problem =
          entry.seq > expected
            ? { line: at, message: entry.seq - 1 === expected ? `Line ${expected} was removed.` : `Lines ${expected}–${entry.seq - 1} were removed.` }
            : { line: Math.max(1, at - 1), message: at === 1 ? 'Line 1 was changed.' : `Line ${at - 1} was changed.` };
      }
    }
    if (entry) entries.push(entry);
    prevHash = lineHash(line);
    prevSeq = entry?.seq ?? prevSeq + 1;
  });
  if (!problem && head) {
    if (head.entries > lines.length) {
      const missing = head.entries - lines.length;
      problem = { line: lines.length + 1, message: `The log was cut after line ${lines.length}: ${plural(missing, 'entry is', 'entries are')} missing.` };
    } else if (lines.length > 0 && head.entries === lines.length && head.lastHash !== prevHash) {
      problem = { line: lines.length, message: `Line ${lines.length} was changed.` };
    }
  }
  const integrity: AccessLogIntegrity = problem
    ? { intact: false, entries: lines.length, line: problem.line, message: problem.message }
    : { intact: true, entries: lines.length, line: null, message: `The log is intact (${plural(lines.length, 'entry', 'entries')}).` };
  return { entries, integrity, lastHash: prevHash, lastSeq: prevSeq, endsMidLine: endsMidLine && text !== '' };
}
