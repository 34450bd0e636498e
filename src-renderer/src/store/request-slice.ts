import type { AppError, ResponseView } from '../../../src-preload/contract';
import { buildQuery, DEFAULT_ENDPOINT_ID, findEndpoint } from '../features/requests/endpoint-catalog';
import { getDesktopApi } from '../lib/desktop-api';
import { now } from '../lib/clock';
import { selectActiveKey } from './selectors';
import type { SliceCreator } from './types';

export interface RequestSlice {
  /** The key the user picked; the active key falls back to the first one (see selectActiveKey). */
  selectedKeyId: string | null;
  endpointId: string;
  /** Query parameter values by name, for the current endpoint. */
  queryValues: Record<string, string>;
  inFlight: boolean;
  response: ResponseView | null;
  responseError: AppError | null;
  selectKey(keyId: string): void;
  selectEndpoint(endpointId: string): void;
  setQueryValue(name: string, value: string): void;
  sendRequest(): Promise<void>;
}

export const createRequestSlice: SliceCreator<RequestSlice> = (set, get) => {
  // Only the latest send may write the response: an older, slower reply must not overwrite it.
  let sequence = 0;

  return {
    selectedKeyId: null,
    endpointId: DEFAULT_ENDPOINT_ID,
    queryValues: {},
    inFlight: false,
    response: null,
    responseError: null,

    selectKey: (keyId) => set({ selectedKeyId: keyId }),

    selectEndpoint: (endpointId) => {
      if (endpointId !== get().endpointId) set({ endpointId, queryValues: {} });
    },

    setQueryValue: (name, value) => set({ queryValues: { ...get().queryValues, [name]: value } }),

    sendRequest: async () => {
      const state = get();
      const key = selectActiveKey(state);
      const endpoint = findEndpoint(state.endpointId);
      if (!key) {
        set({ response: null, responseError: { code: 'not_found', message: 'Add a key on the Keys page first, then send.' } });
        return;
      }
      if (!endpoint) {
        set({ response: null, responseError: { code: 'invalid_argument', message: 'Pick an endpoint first.' } });
        return;
      }
      const query = buildQuery(endpoint, state.queryValues);
      const mine = ++sequence;
      set({ inFlight: true, responseError: null });
      const result = await getDesktopApi().requestSend({
        keyId: key.id,
        method: endpoint.method,
        path: endpoint.path,
        ...(query.length > 0 ? { query } : {}),
      });
      if (mine !== sequence) return;
      if (result.ok) {
        set({ inFlight: false, response: result.value, responseError: null });
        get().recordRateLimit(key.id, result.value.rateLimit, now());
      } else {
        set({ inFlight: false, response: null, responseError: result.error });
      }
      // The first request may have started the embedded sandbox: refresh the header.
      void get().loadAppInfo();
    },
  };
};
