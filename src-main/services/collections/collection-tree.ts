import type { CollectionProblem } from '../../helplane/collection/problems';
import type { RequestFile } from '../../helplane/collection/model';
import { folderOf } from './collection-paths';

/** What the Collection tree shows: folders, requests, and files that did not parse (with why). */
export type TreeNode = TreeFolder | TreeRequest | TreeDamaged;

export interface TreeFolder {
  kind: 'folder';
  path: string;
  name: string;
  children: TreeNode[];
}

export interface TreeRequest {
  kind: 'request';
  path: string;
  name: string;
  method: string;
  /** Another request of the same folder has this name too (both are listed; Save as refuses it). */
  duplicateName: boolean;
}

export interface TreeDamaged {
  kind: 'damaged';
  path: string;
  problem: CollectionProblem;
}

export interface LoadedFile {
  path: string;
  request?: RequestFile;
  problem?: CollectionProblem;
}

const leaf = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** The tree of `folders` and `files`: folders first, then requests by `order`, name and path. */
export function buildTree(folders: readonly string[], files: readonly LoadedFile[]): TreeFolder {
  const root: TreeFolder = { kind: 'folder', path: '', name: '', children: [] };
  const byPath = new Map<string, TreeFolder>([['', root]]);
  const folderNode = (path: string): TreeFolder => {
    const known = byPath.get(path);
    if (known) return known;
    const node: TreeFolder = { kind: 'folder', path, name: leaf(path), children: [] };
    byPath.set(path, node);
    folderNode(folderOf(path)).children.push(node);
    return node;
  };
  for (const folder of [...folders].sort()) folderNode(folder);
  const order = new Map<string, number>();
  for (const file of files) {
    const parent = folderNode(folderOf(file.path));
    if (file.request) {
      order.set(file.path, file.request.order ?? Number.MAX_SAFE_INTEGER);
      parent.children.push({ kind: 'request', path: file.path, name: file.request.name, method: file.request.method, duplicateName: false });
    } else if (file.problem) {
      parent.children.push({ kind: 'damaged', path: file.path, problem: file.problem });
    }
  }
  for (const folder of byPath.values()) {
    const names = new Map<string, number>();
    for (const child of folder.children) if (child.kind === 'request') names.set(child.name, (names.get(child.name) ?? 0) + 1);
    for (const child of folder.children) if (child.kind === 'request') child.duplicateName = (names.get(child.name) ?? 0) > 1;
    folder.children.sort((a, b) => rank(a) - rank(b) || (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0) || label(a).localeCompare(label(b)) || a.path.localeCompare(b.path));
  }
  return root;
}

const rank = (node: TreeNode) => (node.kind === 'folder' ? 0 : 1);
const label = (node: TreeNode) => (node.kind === 'damaged' ? leaf(node.path) : node.name);
