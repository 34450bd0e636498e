import { describe, expect, it } from 'vitest';
import {
  buildQuery,
  DEFAULT_ENDPOINT_ID,
  ENDPOINT_CATALOG,
  endpointLabel,
  findEndpoint,
} from '../../../../src-renderer/src/lib/endpoint-catalog';
import { isSendShortcut } from '../../../../src-renderer/src/features/requests/send-shortcut';

const found = findEndpoint(DEFAULT_ENDPOINT_ID);
if (!found) throw new Error('the default endpoint is missing from the catalog');
const listConversations = found;

describe('endpoint catalog', () => {
  it('offers List conversations by default, labelled with method, path and summary', () => {
    expect(ENDPOINT_CATALOG.map(endpointLabel)).toContain('GET /v1/conversations — List conversations');
    expect(listConversations.path).toBe('/v1/conversations');
  });

  it('sends only query parameters that have a value, trimmed', () => {
    expect(buildQuery(listConversations, {})).toEqual([]);
    expect(buildQuery(listConversations, { limit: '  ' })).toEqual([]);
    expect(buildQuery(listConversations, { limit: ' 5 ' })).toEqual([{ name: 'limit', value: '5' }]);
  });

  it('ignores values for parameters the endpoint does not declare', () => {
    expect(buildQuery(listConversations, { limit: '5', secret: 'x' })).toEqual([{ name: 'limit', value: '5' }]);
  });
});

describe('send shortcut', () => {
  const chord = { key: 'Enter', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false };
  it('accepts Ctrl+Enter and Cmd+Enter only', () => {
    expect(isSendShortcut({ ...chord, ctrlKey: true })).toBe(true);
    expect(isSendShortcut({ ...chord, metaKey: true })).toBe(true);
    expect(isSendShortcut(chord)).toBe(false);
    expect(isSendShortcut({ ...chord, ctrlKey: true, shiftKey: true })).toBe(false);
    expect(isSendShortcut({ ...chord, key: 'a', ctrlKey: true })).toBe(false);
  });
});
