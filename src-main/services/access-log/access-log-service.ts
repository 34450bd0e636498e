import { randomBytes } from 'node:crypto';
import type { AccessAction, AccessLogEntry, AccessLogExported, AccessLogPage, AccessTarget } from '../../../src-preload/contract';
import { AtomicFile } from '../../lib/atomic-file';
import { AppFailure } from '../../lib/errors';
import { retryDelayMs, type WriteListener } from '../../lib/retry-backoff';
import { writeFailureReason } from '../../lib/write-failure';
import type { AppendOnlyFile, ExportTargets, JsonDocument, OsUser } from '../../ports';
import { entryLine, GENESIS_HASH, lineHash, readChain, type ChainHead } from './access-log-chain';
import type { FinishedFiles } from '../inspector/finished-files';

/** The first retry of a failed append waits this long, then doubles (lib/retry-backoff.ts). */
const FIRST_RETRY_MS = 1000;

export interface AccessLogDeps {
  file: AppendOnlyFile;
  /** The count and last hash the console wrote (access-log.head.json): a cut end shows. */
  head: JsonDocument;
  user: OsUser;
  now: () => number;
  /** The key's name for its id (never its value); null when the key is gone. */
  keyName: (keyId: string) => string | null;
  /** Told of failed and recovered writes: the save-problems banner. */
  writes?: WriteListener;
  targets: ExportTargets;
  finished: FinishedFiles;
}

/** What one look or export records (the service adds time, user, key name and the chain). */
export interface AccessRecord {
  action: AccessAction;
  keyId: string;
  target: AccessTarget;
}

/**
 * The access log: one JSON line per contact or conversation opened and per export, each line
 * holding the SHA-256 of the one before. A line is chained when it is recorded, so lines that
 * could not be written yet (a read-only disk) keep their place and are appended, in order, by the
 * retry; the console never stops for it.
 */
export class AccessLogService {
  private lastHash: string;
  private lastSeq: number;
  private startOnNewLine: boolean;
  private readonly pending: string[] = [];
  /** What is on disk: the head file says this. */
  private written: ChainHead;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly deps: AccessLogDeps) {
    const head = headOf(deps.head.read());
    let text: string | null = null;
    try {
      text = deps.file.read();
    } catch {
      // Unreadable now: the chain continues from the head, and Settings says the file cannot be read.
    }
    if (text !== null) {
      const reading = readChain(text, null);
      // Lines cut from the end while the console was closed: the chain goes on from what the head
      // says was written, so the next line shows the gap rather than hiding it.
      const cut = head !== null && head.entries > reading.integrity.entries;
      this.lastHash = cut ? head.lastHash : reading.lastHash;
      this.lastSeq = cut ? head.entries : reading.lastSeq;
      this.startOnNewLine = reading.endsMidLine;
    } else {
      this.lastHash = head?.lastHash ?? GENESIS_HASH;
      this.lastSeq = head?.entries ?? 0;
      this.startOnNewLine = false;
    }
    this.written = { entries: this.lastSeq, lastHash: this.lastHash };
  }

  /** Add one line. Never throws: a failed write is reported and retried. */
  record(record: AccessRecord): void {
    const entry: AccessLogEntry = {
      seq: this.lastSeq + 1,
      time: new Date(this.deps.now()).toISOString(),
      user: this.deps.user.name(),
      key: this.deps.keyName(record.keyId),
      action: record.action,
      target: record.target,
      prev: this.lastHash,
    };
    const line = entryLine(entry);
    this.lastHash = lineHash(line);
    this.lastSeq = entry.seq;
    this.pending.push(line);
    this.flush();
  }

  /** Append what is pending now (the retry timer and dispose call it too). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length === 0) return;
    const lines = [...this.pending];
    try {
      this.deps.file.append(`${this.startOnNewLine ? '\n' : ''}${lines.map((l) => `${l}\n`).join('')}`);
      this.startOnNewLine = false;
      this.pending.splice(0, lines.length);
      this.written = { entries: this.written.entries + lines.length, lastHash: lineHash(lines[lines.length - 1]!) };
      this.deps.head.write(this.written);
    } catch (error) {
      this.failures += 1;
      this.deps.writes?.onWriteError?.(error, this.failures);
      this.timer = setTimeout(() => this.flush(), retryDelayMs(this.failures, FIRST_RETRY_MS));
      // A retry must not keep a CLI or test process alive; dispose flushes.
      this.timer.unref?.();
      return;
    }
    if (this.failures > 0) this.deps.writes?.onWriteRecovered?.();
    this.failures = 0;
  }

  /** Newest first, `limit` from `offset`, with the chain's verdict over the whole file. */
  list(offset = 0, limit = 50): AccessLogPage {
    const path = this.deps.file.path;
    let text: string | null;
    try {
      text = this.deps.file.read();
    } catch (error) {
      return {
        entries: [],
        total: 0,
        pending: this.pending.length,
        path,
        integrity: { intact: false, entries: 0, line: null, message: `The log could not be read because ${writeFailureReason(error)}.` },
      };
    }
    const reading = readChain(text ?? '', headOf(this.deps.head.read()) ?? this.written);
    const newestFirst = reading.entries.slice().reverse();
    return { entries: newestFirst.slice(offset, offset + limit), total: newestFirst.length, pending: this.pending.length, path, integrity: reading.integrity };
  }

  /** A copy of the file as it is on disk, where the user chooses (desktop) or as a download (web host). */
  async exportCopy(): Promise<AccessLogExported> {
    const exportId = `exp_${randomBytes(8).toString('hex')}`;
    const stamp = new Date(this.deps.now()).toISOString().slice(0, 19).replace(/[:T]/g, '-');
    const fileName = `helplane-access-log-${stamp}.jsonl`;
    let text: string;
    try {
      text = this.deps.file.read() ?? '';
    } catch (error) {
      throw new AppFailure('export_failed', `The access log could not be read because ${writeFailureReason(error)}.`);
    }
    const target = await this.deps.targets.choose(exportId, fileName);
    if (!target) throw new AppFailure('cancelled', 'Export cancelled: no file was chosen.');
    const file = await AtomicFile.create(target.path).catch((error: unknown) => {
      throw new AppFailure('export_failed', `The copy could not be written because ${writeFailureReason(error)}.`);
    });
    try {
      await file.write(text);
      await file.commit();
    } catch (error) {
      await file.discard();
      throw new AppFailure('export_failed', `The copy could not be written because ${writeFailureReason(error)}.`);
    }
    this.deps.finished.record(exportId, target.path);
    return { exportId, fileName, path: target.downloadUrl ? null : target.path, downloadUrl: target.downloadUrl };
  }
}

function headOf(raw: unknown): ChainHead | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { entries, lastHash } = raw as Record<string, unknown>;
  return typeof entries === 'number' && Number.isInteger(entries) && entries >= 0 && typeof lastHash === 'string' && /^[0-9a-f]{64}$/.test(lastHash)
    ? { entries, lastHash }
    : null;
}
