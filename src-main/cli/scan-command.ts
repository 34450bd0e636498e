import { resolve } from 'node:path';
import { createConfMetadataStore } from '../adapters/conf-metadata-store';
import { createDataFolderSecretStore } from '../adapters/data-folder-keychain';
import type { ScanSecret } from '../helplane/leak-scan/find-leaks';
import { AppFailure } from '../lib/errors';
import { DEFAULT_MAX_FILE_BYTES, scanFolder, type ScanReport } from '../services/scan/leak-scanner';

/**
 * `npm run cli -- scan <folder>`: the Settings scan from a terminal or a git pre-commit hook. It
 * reads the data folder's stored keys (names from keys.json, values from its keychain entries) to
 * look for them; when the keychain cannot be read it still finds every checksum-valid Helplane key
 * and says what it could not check. Exit 1 on any finding, 0 on none, 2 for a bad folder.
 */

export interface ScanArgs {
  command: 'scan';
  folder: string;
  maxFileMb: number | undefined;
  reporter: 'text' | 'json';
  dataDir: string | undefined;
}

export const SCAN_EXIT = { clean: 0, found: 1, usage: 2 } as const;

async function storedSecrets(dataDir: string): Promise<{ secrets: ScanSecret[]; problem: string | null }> {
  try {
    const metadata = createConfMetadataStore(dataDir);
    const records = metadata.readKeys();
    metadata.close();
    if (records.length === 0) return { secrets: [], problem: null };
    const store = createDataFolderSecretStore(dataDir);
    const secrets: ScanSecret[] = [];
    for (const record of records) {
      const value = await store.get(record.id);
      if (value) secrets.push({ name: record.name, value });
    }
    return { secrets, problem: null };
  } catch (error) {
    return { secrets: [], problem: error instanceof Error ? error.message : String(error) };
  }
}

export function scanText(report: ScanReport): string {
  return report.findings.map((f) => `${f.file}:${f.line}: ${f.keyName ? `${f.keyName} (one of your keys)` : 'a Helplane key that is not one of yours'}\n`).join('');
}

export async function runScan(args: ScanArgs, io: { cwd: string; dataDir: string; out(text: string): void; err(text: string): void }): Promise<number> {
  const { secrets, problem } = await storedSecrets(io.dataDir);
  if (problem) io.err(`The stored keys could not be read (${problem}): only checksum-valid Helplane keys are looked for.\n`);
  let report: ScanReport;
  try {
    report = await scanFolder({ folder: resolve(io.cwd, args.folder), secrets, maxFileBytes: args.maxFileMb ? args.maxFileMb * 1024 * 1024 : DEFAULT_MAX_FILE_BYTES });
  } catch (error) {
    if (error instanceof AppFailure) {
      io.err(`${error.message}\n`);
      return SCAN_EXIT.usage;
    }
    throw error;
  }
  if (args.reporter === 'json') io.out(`${JSON.stringify(report, null, 2)}\n`);
  else io.out(scanText(report));
  const skipped = report.skipped.binary + report.skipped.tooLarge + report.skipped.unreadable;
  io.err(
    `${report.findings.length === 0 ? 'No keys found' : `${report.findings.length} ${report.findings.length === 1 ? 'key' : 'keys'} found`} in ${report.filesScanned} files` +
      `${skipped > 0 ? ` (skipped: ${report.skipped.binary} binary, ${report.skipped.tooLarge} over the size, ${report.skipped.unreadable} unreadable)` : ''}.\n`,
  );
  return report.findings.length > 0 ? SCAN_EXIT.found : SCAN_EXIT.clean;
}
