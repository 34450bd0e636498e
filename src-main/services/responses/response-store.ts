import { randomBytes } from 'node:crypto';
import type { ResponseSearch, ResponseSlice, ResponseTree } from '../../../src-preload/contract';
import { AppFailure } from '../../lib/errors';
import { indexJsonLines, indexTextLines, lineAt, lineText, type LineIndex } from './response-line-index';

export interface ResponseStoreLimits {
  /** Bodies kept at most (the newest). */
  maxEntries: number;
  /** Characters kept at most over all bodies; the newest is always kept. */
  maxChars: number;
}

/**
 * A large body for every open tab (at most 50) and a few more; the memory bound is the character
 * cap (four 100 MB bodies), which drops the oldest first whatever the count.
 */
export const DEFAULT_LIMITS: ResponseStoreLimits = { maxEntries: 64, maxChars: 400 * 1024 * 1024 };
/** Past this many, matches are no longer counted (a 1-character query in 100 MB would take long). */
const COUNT_CAP = 100_000;

interface Stored {
  text: string;
  index: LineIndex;
  status: number;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whole response bodies kept in main, by id, so the renderer only holds the lines it shows.
 * Oldest bodies are dropped first when the count or size cap is reached.
 */
export class ResponseStore {
  private readonly entries = new Map<string, Stored>();
  private chars = 0;

  constructor(private readonly limits: ResponseStoreLimits = DEFAULT_LIMITS) {}

  /** Keeps `text` (already scrubbed of secrets) and indexes its lines; JSON when it scans as JSON. */
  add(text: string, asJson: boolean, status = 200): { id: string; index: LineIndex } {
    const index = (asJson ? indexJsonLines(text) : null) ?? indexTextLines(text);
    const id = `resp_${randomBytes(8).toString('hex')}`;
    this.entries.set(id, { text, index, status });
    this.chars += text.length;
    for (const [oldId, old] of this.entries) {
      if (oldId === id) break;
      if (this.entries.size <= this.limits.maxEntries && this.chars <= this.limits.maxChars) break;
      this.entries.delete(oldId);
      this.chars -= old.text.length;
    }
    return { id, index };
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** The whole body and its status (for Save to file). */
  body(id: string): { text: string; json: boolean; status: number } {
    const { text, index, status } = this.get(id);
    return { text, json: index.json, status };
  }

  lines(id: string, fromLine: number, count: number): string[] {
    const { text, index } = this.get(id);
    const out: string[] = [];
    for (let i = fromLine; i < Math.min(index.length, fromLine + count); i++) out.push(lineText(text, index, i));
    return out;
  }

  slice(id: string, fromLine: number, count: number): ResponseSlice {
    const { index } = this.get(id);
    return { fromLine, lines: this.lines(id, fromLine, count), lineCount: index.length };
  }

  /** Case-insensitive search over the raw body; returns the display line of each match. */
  search(id: string, query: string, limit = 1000): ResponseSearch {
    const { text, index } = this.get(id);
    const pattern = new RegExp(escapeRegExp(query), 'gi');
    const lines: number[] = [];
    let total = 0;
    for (let m = pattern.exec(text); m !== null && total < COUNT_CAP; m = pattern.exec(text)) {
      if (lines.length < limit) lines.push(lineAt(index, m.index));
      total++;
    }
    return { total, capped: total >= COUNT_CAP, lines };
  }

  /** The children of the object or array that opens on display line `line`, a page at a time. */
  tree(id: string, line: number, offset = 0, limit = 500): ResponseTree {
    const { text, index } = this.get(id);
    if (!index.json) throw new AppFailure('invalid_argument', 'This body is not JSON, so it has no tree. Use the Raw view.');
    if (line >= index.length || index.close[line]! < 0) {
      throw new AppFailure('invalid_argument', `Line ${line} does not open an object or array, so it cannot be expanded.`);
    }
    const end = index.close[line]!;
    const nodes: ResponseTree['nodes'] = [];
    let child = line + 1;
    // Skips whole subtrees through the close-line index: no parsing, no per-node objects.
    for (let k = 0; child < end && k < offset + limit; k++) {
      if (k >= offset) {
        const isContainer = index.close[child]! >= 0;
        nodes.push({ line: child, depth: index.depth[child]!, text: lineText(text, index, child, 2_000).replace(/,$/, ''), childCount: isContainer ? index.count[child]! : null });
      }
      child = index.close[child]! >= 0 ? index.close[child]! + 1 : child + 1;
    }
    return { nodes, total: index.count[line]!, offset };
  }

  private get(id: string): Stored {
    const stored = this.entries.get(id);
    if (!stored) throw new AppFailure('not_found', 'That response is no longer kept (only the latest few are). Send the request again.');
    return stored;
  }
}
