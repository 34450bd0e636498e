import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../../../src-preload/contract';
import { formFromRequest, requestFromForm, type RequestFileView } from '../../../../src-renderer/src/lib/collection-request';
import { makeKey } from '../fake-desktop-api';

// Issue 16: a tab's form from a request file and back; what the tab did not change is sent as read.
const catalog: CatalogEntry[] = [
  {
    id: 'getContact',
    method: 'GET',
    path: '/v1/contacts/{contact_id}',
    summary: 'Get a contact',
    description: '',
    pathParams: [{ name: 'contact_id', description: '', required: true, enum: null, type: 'string' }],
    queryParams: [],
    bodySchema: null,
    template: null,
    needsKey: true,
  },
];
const sandboxKey = makeKey({ id: 'key-s', name: 'Sandbox default', environment: 'sandbox' });
const customKey = makeKey({ id: 'key-c', name: 'Staging', environment: 'custom', baseUrl: 'https://api.staging.example.com/base' });
const keys = [sandboxKey, customKey];

const free: RequestFileView = {
  name: 'List contacts',
  order: 3,
  method: 'GET',
  path: '/v1/contacts',
  params: [],
  query: [
    { name: 'tag', value: ['vip', 'trial'] },
    { name: 'q', value: '{{name}}' },
  ],
  headers: [{ name: 'Accept-Language', value: 'en' }],
  key: { name: 'Staging', environment: 'custom:https://api.staging.example.com' },
  captures: [{ variable: 'first_id', path: '$.data[0].id' }],
  tests: [{ status: 200 }],
};

describe('request files and tab forms', () => {
  it('a free request becomes a Custom tab; its {{variables}} stay unencoded and its key is found by name and environment', () => {
    const form = formFromRequest(free, catalog, keys);
    expect(form).toMatchObject({ endpointId: 'custom', customMethod: 'GET', customPath: '/v1/contacts?tag=vip&tag=trial&q={{name}}', selectedKeyId: 'key-c' });
    expect(form.captures).toEqual(free.captures);
  });

  it('an unchanged tab saves the request as it was read (order, a repeated query, key, captures, tests)', () => {
    const form = formFromRequest(free, catalog, keys);
    const saved = requestFromForm(form, { name: free.name, base: { request: free, form }, catalog, keys });
    expect(saved).toEqual(free);
  });

  it('a file with no key saved unchanged stays without one, though the tab sends with a key', () => {
    const { key: _key, ...request } = free;
    const form = { ...formFromRequest(request, catalog, keys), selectedKeyId: 'key-s' };
    const saved = requestFromForm(form, { name: free.name, base: { request, form }, catalog, keys });
    expect(saved).toEqual(request);
    expect(requestFromForm({ ...form, selectedKeyId: 'key-c' }, { name: free.name, base: { request, form }, catalog, keys }).key).toEqual(free.key);
  });

  it('an edited path writes the new path and query; the rest is kept', () => {
    const form = formFromRequest(free, catalog, keys);
    const saved = requestFromForm({ ...form, customPath: '/v1/contacts?limit=5&tag=a&tag=b' }, { name: free.name, base: { request: free, form }, catalog, keys });
    expect(saved.query).toEqual([
      { name: 'limit', value: '5' },
      { name: 'tag', value: ['a', 'b'] },
    ]);
    expect(saved).toMatchObject({ order: 3, headers: free.headers, key: free.key, tests: free.tests });
  });

  it('a catalog endpoint keeps its id and path parameters; a new file names the key the tab sends with, never a value', () => {
    const form = formFromRequest({ name: 'Get', method: 'GET', endpoint: 'getContact', params: [{ name: 'contact_id', value: '{{contact_id}}' }], query: [], headers: [], captures: [], tests: [] }, catalog, keys);
    expect(form).toMatchObject({ endpointId: 'getContact', pathValues: { contact_id: '{{contact_id}}' } });
    const saved = requestFromForm({ ...form, selectedKeyId: null }, { name: 'Get it', base: null, catalog, keys, activeKeyId: 'key-s' });
    expect(saved).toEqual({ name: 'Get it', method: 'GET', endpoint: 'getContact', params: [{ name: 'contact_id', value: '{{contact_id}}' }], query: [], headers: [], key: { name: 'Sandbox default', environment: 'sandbox' }, captures: [], tests: [] });
  });
});
