import type { AccessLogExported, AccessLogPage, AppError } from '../../../src-preload/contract';
import { getDesktopApi } from '../lib/desktop-api';
import type { LoadStatus, SliceCreator } from './types';

/** Entries per page of Settings > Access log. */
export const ACCESS_LOG_PAGE = 25;

export interface AccessLogSlice {
  accessLog: AccessLogPage | null;
  /** Entries skipped from the newest: 0 is the first page. */
  accessLogOffset: number;
  accessLogStatus: LoadStatus;
  accessLogError: AppError | null;
  /** The last copy written (its path or download), until the next. */
  accessLogExported: AccessLogExported | null;
  loadAccessLog(offset?: number): Promise<void>;
  exportAccessLog(): Promise<void>;
  showAccessLogInFolder(): Promise<void>;
}

export const createAccessLogSlice: SliceCreator<AccessLogSlice> = (set, get) => ({
  accessLog: null,
  accessLogOffset: 0,
  accessLogStatus: 'idle',
  accessLogError: null,
  accessLogExported: null,
  loadAccessLog: async (offset = get().accessLogOffset) => {
    set({ accessLogStatus: 'loading' });
    const r = await getDesktopApi().accessLogList({ offset, limit: ACCESS_LOG_PAGE });
    if (r.ok) set({ accessLog: r.value, accessLogOffset: offset, accessLogStatus: 'ready', accessLogError: null });
    else set({ accessLogStatus: 'error', accessLogError: r.error });
  },
  exportAccessLog: async () => {
    set({ accessLogExported: null, accessLogError: null });
    const r = await getDesktopApi().accessLogExport();
    if (r.ok) set({ accessLogExported: r.value });
    else if (r.error.code !== 'cancelled') set({ accessLogError: r.error });
  },
  showAccessLogInFolder: async () => {
    const exported = get().accessLogExported;
    if (!exported) return;
    const r = await getDesktopApi().exportShowInFolder({ exportId: exported.exportId });
    if (!r.ok) set({ accessLogError: r.error });
  },
});
