import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SendRequestInput } from '../../../../src-preload/contract';
import { setDesktopApiForTests } from '../../../../src-renderer/src/lib/desktop-api';
import { buildPath, CUSTOM_ENDPOINT_ID, findEndpoint } from '../../../../src-renderer/src/lib/endpoint-catalog';
import { consoleStore, resetStore, selectSentMethod } from '../../../../src-renderer/src/store';
import { createFakeDesktopApi, makeKey, makeResponse } from '../fake-desktop-api';

// Issue 16 (resp): what a send carries for main to resolve and check, and the reply's method.
const state = () => consoleStore.getState();
let fake: ReturnType<typeof createFakeDesktopApi>;

beforeEach(() => {
  fake = createFakeDesktopApi();
  setDesktopApiForTests(fake.api);
  resetStore();
  state().setKeys([makeKey()]);
  fake.replies.requestSend = () => ({ ok: true, value: makeResponse() });
});
afterEach(() => setDesktopApiForTests(null));

const sent = () => fake.callsOf('requestSend').map((c) => c.arg as SendRequestInput);

describe('the send input', () => {
  it('keeps {{name}} unencoded in a path parameter while real values stay encoded', () => {
    const param = { name: 'id', description: '', required: true, enum: null, type: 'string' };
    const entry = { ...findEndpoint('listConversations')!, id: 'getContact', path: '/v1/contacts/{id}', pathParams: [param] };
    expect(buildPath(entry, { id: '{{contact_id}}' })).toEqual({ path: '/v1/contacts/{{contact_id}}' });
    expect(buildPath(entry, { id: 'a b/{{ x }}?' })).toEqual({ path: '/v1/contacts/a%20b%2F{{ x }}%3F' });
    expect(buildPath(entry, { id: '{{not a name}}' })).toEqual({ path: '/v1/contacts/%7B%7Bnot%20a%20name%7D%7D' });
  });

  it('carries the tab’s captures and tests (and the tab id) so main resolves, captures and tests', async () => {
    await state().loadWorkspace();
    consoleStore.setState({ endpointId: CUSTOM_ENDPOINT_ID, customMethod: 'GET', customPath: '/v1/contacts' });
    state().setTests([{ status: 200 }]);
    state().setCaptures([{ variable: 'contact_id', path: '$.data[0].id' }]);
    await state().sendRequest();
    expect(sent()[0]).toMatchObject({ path: '/v1/contacts', tabId: state().activeTabId, collection: { captures: [{ variable: 'contact_id', path: '$.data[0].id' }], tests: [{ status: 200 }] } });
  });

  it('a request with {{name}} goes with a collection context; a plain one as before', async () => {
    consoleStore.setState({ endpointId: CUSTOM_ENDPOINT_ID, customMethod: 'GET', customPath: '/v1/contacts/{{contact_id}}' });
    await state().sendRequest();
    consoleStore.setState({ customPath: '/v1/contacts' });
    await state().sendRequest();
    expect(sent()[0]?.collection).toEqual({ captures: [], tests: [] });
    expect(sent()[1]?.collection).toBeUndefined();
  });

  it('Save to file takes the method of the last send: a Custom POST is not treated as a GET', async () => {
    consoleStore.setState({ endpointId: CUSTOM_ENDPOINT_ID, customMethod: 'POST', customPath: '/v1/contacts', body: '{}' });
    await state().sendRequest();
    expect(selectSentMethod(state())).toBe('POST');
  });
});
