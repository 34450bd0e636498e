/** Why a file could not be written, in words (the system's code, when it has one). */
export function writeFailureReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'the data folder or the file is not writable (permission denied)';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EISDIR':
      return 'a folder is in the way of the file';
    default:
      return error instanceof Error ? error.message : 'an unknown error';
  }
}
