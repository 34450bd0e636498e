import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { findLeaks, leakMatcher, type ScanSecret } from '../../helplane/leak-scan/find-leaks';
import { AppFailure } from '../../lib/errors';

/**
 * Scan a folder for leaked keys (Settings → Scan for leaked keys, `npm run cli -- scan`): every text
 * file under it, honouring each folder's `.gitignore` (and never `.git/` itself), skipping binary
 * files (a NUL byte in the first 8 KB, as git decides) and files over `maxFileBytes`. Files are read
 * a few at a time, so a tree of ten thousand files neither waits on each read nor opens them all.
 */

export interface ScanOptions {
  folder: string;
  secrets: readonly ScanSecret[];
  /** Files larger than this are skipped (and counted): default 5 MiB. */
  maxFileBytes?: number;
  signal?: AbortSignal;
  onProgress?: (progress: { files: number; bytes: number }) => void;
}

export interface LeakFinding {
  /** From the scanned folder, `/`-separated. */
  file: string;
  line: number;
  /** The stored key's name; absent for a Helplane key that is not one of the user's. */
  keyName?: string;
}

export interface ScanReport {
  folder: string;
  findings: LeakFinding[];
  filesScanned: number;
  bytesScanned: number;
  skipped: { binary: number; tooLarge: number; unreadable: number };
  /** The first unreadable paths, so "could not read 3 files" can say which. */
  unreadable: string[];
}

export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;
const BINARY_SNIFF = 8000;
const PARALLEL_READS = 16;
const UNREADABLE_LISTED = 20;

interface Rules {
  /** The folder these rules are relative to, from the scan root (`''` for the root). */
  base: string;
  matcher: Ignore;
}

async function gitignoreOf(dir: string, base: string): Promise<Rules | null> {
  try {
    const text = await readFile(join(dir, '.gitignore'), 'utf8');
    return { base, matcher: ignore().add(text) };
  } catch {
    return null;
  }
}

function ignored(rules: readonly Rules[], path: string, isDir: boolean): boolean {
  for (const r of rules) {
    const rel = r.base === '' ? path : path.slice(r.base.length + 1);
    if (r.matcher.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

export async function scanFolder(options: ScanOptions): Promise<ScanReport> {
  const root = options.folder;
  const info = await stat(root).catch(() => null);
  if (!info?.isDirectory()) throw new AppFailure('not_a_folder', `${root} is not an existing folder; choose a folder that exists.`);
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const matcher = leakMatcher(options.secrets);
  const report: ScanReport = { folder: root, findings: [], filesScanned: 0, bytesScanned: 0, skipped: { binary: 0, tooLarge: 0, unreadable: 0 }, unreadable: [] };

  const files: { abs: string; rel: string }[] = [];
  const walk = async (dir: string, rel: string, inherited: readonly Rules[]) => {
    const own = await gitignoreOf(dir, rel);
    const rules = own ? [...inherited, own] : inherited;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      report.skipped.unreadable++;
      if (report.unreadable.length < UNREADABLE_LISTED) report.unreadable.push(rel || '.');
      return;
    }
    for (const entry of entries) {
      if (options.signal?.aborted) return;
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (entry.name === '.git' || ignored(rules, path, true)) continue;
        await walk(join(dir, entry.name), path, rules);
      } else if (entry.isFile() && !ignored(rules, path, false)) {
        files.push({ abs: join(dir, entry.name), rel: path });
      }
    }
  };
  await walk(root, '', []);

  let next = 0;
  const worker = async () => {
    while (next < files.length && !options.signal?.aborted) {
      const file = files[next++]!;
      await scanFile(file, maxFileBytes, matcher, report);
      options.onProgress?.({ files: report.filesScanned, bytes: report.bytesScanned });
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_READS }, worker));
  if (options.signal?.aborted) throw new AppFailure('cancelled', 'The scan was cancelled.');
  report.findings.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  return report;
}

async function scanFile(file: { abs: string; rel: string }, maxFileBytes: number, matcher: ReturnType<typeof leakMatcher>, report: ScanReport): Promise<void> {
  let bytes: Buffer;
  try {
    const size = (await stat(file.abs)).size;
    if (size > maxFileBytes) {
      report.skipped.tooLarge++;
      return;
    }
    bytes = await readFile(file.abs);
  } catch {
    report.skipped.unreadable++;
    if (report.unreadable.length < UNREADABLE_LISTED) report.unreadable.push(file.rel.split(sep).join('/'));
    return;
  }
  if (bytes.subarray(0, BINARY_SNIFF).includes(0)) {
    report.skipped.binary++;
    return;
  }
  report.filesScanned++;
  report.bytesScanned += bytes.length;
  // latin1 maps each byte to one character: the keys are ASCII, so no decoding cost and no lost match.
  for (const leak of findLeaks(bytes.toString('latin1'), matcher)) {
    report.findings.push({ file: relative('.', file.rel).split(sep).join('/'), line: leak.line, ...(leak.keyName !== undefined ? { keyName: leak.keyName } : {}) });
  }
}
