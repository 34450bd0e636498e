import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { findLeaks, leakMatcher, type ScanSecret } from '../../helplane/leak-scan/find-leaks';
import { AppFailure } from '../../lib/errors';

/**
 * Scan a folder for leaked keys (Settings → Scan for leaked keys, `npm run cli -- scan`): every text
 * file under it, honouring each folder's `.gitignore` (and never `.git/` itself), skipping binary
 * files (a NUL byte in the first 8 KB, as git decides) and files over `maxFileBytes`.
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
const UNREADABLE_LISTED = 20;

interface Rules {
  /** The folder these rules are relative to, from the scan root (`''` for the root). */
  base: string;
  matcher: Ignore;
}

function gitignoreOf(dir: string, base: string): Rules | null {
  try {
    const text = readFileSync(join(dir, '.gitignore'), 'utf8');
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
  const slice = timeSlicer();

  const files: { abs: string; rel: string }[] = [];
  const walk = async (dir: string, rel: string, inherited: readonly Rules[]) => {
    await slice();
    const own = gitignoreOf(dir, rel);
    const rules = own ? [...inherited, own] : inherited;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      unreadable(report, rel || '.');
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

  const reader = new FileReader(maxFileBytes);
  for (const file of files) {
    if (options.signal?.aborted) break;
    await slice();
    scanFile(file, reader, matcher, report);
    options.onProgress?.({ files: report.filesScanned, bytes: report.bytesScanned });
  }
  if (options.signal?.aborted) throw new AppFailure('cancelled', 'The scan was cancelled.');
  report.findings.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  return report;
}

/**
 * Reads are synchronous into one reused buffer: for thousands of small files that is several times
 * faster than the thread pool's open/stat/read/close round trips (measured: 10,000 files of 20 KB in
 * ~100 ms against ~800 ms). The work is cut into slices of SLICE_MS with the event loop let through
 * between them, so the window's main process keeps answering while a scan runs.
 */
const SLICE_MS = 8;
function timeSlicer(): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < SLICE_MS) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}

class FileReader {
  private buffer = Buffer.allocUnsafe(1024 * 1024);

  constructor(private readonly maxFileBytes: number) {}

  /** The file's bytes (a view on the reused buffer, valid until the next read), or 'tooLarge'. */
  read(path: string): Buffer | 'tooLarge' {
    const fd = openSync(path, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size > this.maxFileBytes) return 'tooLarge';
      if (size > this.buffer.length) this.buffer = Buffer.allocUnsafe(size);
      let filled = 0;
      while (filled < size) {
        const n = readSync(fd, this.buffer, filled, size - filled, filled);
        if (n === 0) break;
        filled += n;
      }
      return this.buffer.subarray(0, filled);
    } finally {
      closeSync(fd);
    }
  }
}

function unreadable(report: ScanReport, path: string): void {
  report.skipped.unreadable++;
  if (report.unreadable.length < UNREADABLE_LISTED) report.unreadable.push(path.split(sep).join('/'));
}

function scanFile(file: { abs: string; rel: string }, reader: FileReader, matcher: ReturnType<typeof leakMatcher>, report: ScanReport): void {
  let bytes: Buffer | 'tooLarge';
  try {
    bytes = reader.read(file.abs);
  } catch {
    unreadable(report, file.rel);
    return;
  }
  if (bytes === 'tooLarge') {
    report.skipped.tooLarge++;
    return;
  }
  if (bytes.subarray(0, BINARY_SNIFF).includes(0)) {
    report.skipped.binary++;
    return;
  }
  report.filesScanned++;
  report.bytesScanned += bytes.length;
  for (const leak of findLeaks(bytes, matcher)) {
    report.findings.push({ file: file.rel, line: leak.line, ...(leak.keyName !== undefined ? { keyName: leak.keyName } : {}) });
  }
}
