import { describe, expect, it } from 'vitest';
import { isRequestPath, requestPathFor, slugOf, validRelative } from '../../../../src-main/services/collections/collection-paths';
import { buildTree } from '../../../../src-main/services/collections/collection-tree';

describe('collection paths', () => {
  it('names a request file after the request', () => {
    expect(slugOf('Create contact')).toBe('create-contact');
    expect(slugOf('  Équipe: résumé / 2nd try!! ')).toBe('equipe-resume-2nd-try');
    expect(slugOf('***')).toBe('request');
    expect(slugOf('a'.repeat(200))).toHaveLength(80);
    expect(requestPathFor('chain/sub', 'Send message')).toBe('chain/sub/send-message.request.yaml');
    expect(requestPathFor('', 'X')).toBe('x.request.yaml');
  });

  it.each(['../x', '/abs', 'a//b', 'a/./b', '.git/config', 'a\\b', 'a/.hidden/b', `a${'\0'}`])('refuses %j as a path inside the collection', (path) => {
    expect(validRelative(path)).toBe(false);
  });

  it('accepts folders and request files inside, and knows a request file', () => {
    expect(validRelative('chain/sub')).toBe(true);
    expect(validRelative('', true)).toBe(true);
    expect(validRelative('')).toBe(false);
    expect(isRequestPath('chain/a.request.yaml')).toBe(true);
    expect(isRequestPath('chain/a.yaml')).toBe(false);
    expect(isRequestPath('.trash/a.request.yaml')).toBe(false);
  });

  it('orders a folder: folders first, then requests by order, then by name', () => {
    const req = (name: string, order?: number) => ({ name, method: 'GET', path: '/a', params: [], query: [], headers: [], captures: [], tests: [], ...(order === undefined ? {} : { order }) });
    const tree = buildTree(['z-folder'], [
      { path: 'b.request.yaml', request: req('B') },
      { path: 'a.request.yaml', request: req('A') },
      { path: 'late.request.yaml', request: req('Late', 2) },
      { path: 'first.request.yaml', request: req('First', 1) },
    ]);
    expect(tree.children.map((c) => c.path)).toEqual(['z-folder', 'first.request.yaml', 'late.request.yaml', 'a.request.yaml', 'b.request.yaml']);
  });
});
