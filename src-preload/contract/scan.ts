import { z } from 'zod';
import { FolderPathSchema } from './collections';

/**
 * Scan for leaked keys (Settings, and `npm run cli -- scan`): main reads the folder and searches it
 * for checksum-valid Helplane keys and the stored keys' values. A finding names the file, the line
 * and the key's name when it is one of the user's — never the secret or a piece of it.
 */

export const SCAN_MAX_FILE_MB_DEFAULT = 5;

export const ScanFolderInputSchema = z.strictObject({
  folder: FolderPathSchema,
  /** Files larger than this many MB are skipped (and counted). */
  maxFileMb: z.number().int('Give a whole number of MB.').min(1, 'Give at least 1 MB.').max(100, 'Give at most 100 MB.').default(SCAN_MAX_FILE_MB_DEFAULT),
});

export const LeakFindingSchema = z.object({
  file: z.string(),
  line: z.number().int().positive(),
  /** Absent: a checksum-valid Helplane key that is not one of this console's keys. */
  keyName: z.string().optional(),
});
export type LeakFindingView = z.infer<typeof LeakFindingSchema>;

export const ScanReportSchema = z.object({
  folder: z.string(),
  findings: z.array(LeakFindingSchema),
  filesScanned: z.number().int().nonnegative(),
  bytesScanned: z.number().int().nonnegative(),
  skipped: z.object({ binary: z.number().int(), tooLarge: z.number().int(), unreadable: z.number().int() }),
  unreadable: z.array(z.string()),
});
export type ScanReportView = z.infer<typeof ScanReportSchema>;
