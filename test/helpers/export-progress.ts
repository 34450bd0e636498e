import type { ExportProgress } from '../../src-preload/contract';

/** The last progress of an export (of `exportId`, or any) once it has ended: done, failed or cancelled. */
export function exportFinished(progress: readonly ExportProgress[], exportId?: string): Promise<ExportProgress> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      const last = progress.filter((p) => exportId === undefined || p.exportId === exportId).at(-1);
      if (last && ['done', 'failed', 'cancelled'].includes(last.state)) {
        clearInterval(timer);
        resolve(last);
      }
    }, 20);
  });
}
