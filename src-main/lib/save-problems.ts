import type { SaveProblem } from '../../src-preload/contract';
import type { WriteListener } from './retry-backoff';
import { writeFailureReason } from './write-failure';

/**
 * The files main cannot save right now, for the window's banner: each failed background write
 * sets its file's sentence (and tells the window), the next write that works clears it. A window
 * opened meanwhile learns of it at the next retry.
 */
export function saveProblems(onChange: (problems: SaveProblem[]) => void) {
  const byFile = new Map<string, string>();
  const list = (): SaveProblem[] => [...byFile].map(([file, message]) => ({ file, message }));
  return {
    list,
    /** The listener for one file's background writes; `what` names its data ("History"). */
    listener(file: string, what: string, onFirstError?: (error: unknown) => void): WriteListener {
      return {
        onWriteError(error, inARow) {
          byFile.set(file, `${what} could not be saved to ${file} because ${writeFailureReason(error)}. It is kept while the console runs and saved again when it can.`);
          onChange(list());
          if (inARow === 1) onFirstError?.(error);
        },
        onWriteRecovered() {
          if (byFile.delete(file)) onChange(list());
        },
      };
    },
  };
}
