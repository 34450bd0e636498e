import { findMatches, MARK_CAP } from './body-search';

/** Children a tree node shows (the rest: "see Raw"). Shared with JsonTree so counts match what is shown. */
export const TREE_CHILD_CAP = 1000;

export interface TreeSearch {
  total: number;
  /** Global index of the first match in a node's key (`id#k`) or value (`id#v`) text. */
  firstIndex: Map<string, number>;
  /** The node id holding each match, in order (at most MARK_CAP). */
  matchNode: string[];
}

/** A node's id: its path of keys from the root (''), each key after a NUL. */
export function childId(parent: string, key: string): string {
  return `${parent}\u0000${key}`;
}

/** Every match of `query` in the tree's keys and leaf values, in document order. */
export function searchTree(value: unknown, query: string): TreeSearch {
  const result: TreeSearch = { total: 0, firstIndex: new Map(), matchNode: [] };
  if (query === '') return result;
  const note = (id: string, part: 'k' | 'v', text: string) => {
    const found = findMatches(text, query, 0).total;
    if (found === 0) return;
    result.firstIndex.set(`${id}#${part}`, result.total);
    for (let i = 0; i < found && result.matchNode.length < MARK_CAP; i++) result.matchNode.push(id);
    result.total += found;
  };
  const walk = (node: unknown, id: string, name: string | undefined) => {
    if (name !== undefined) note(id, 'k', name);
    if (node !== null && typeof node === 'object') {
      const entries = Array.isArray(node) ? node.map((v, i) => [String(i), v] as const) : Object.entries(node);
      for (const [k, v] of entries.slice(0, TREE_CHILD_CAP)) walk(v, childId(id, k), k);
    } else note(id, 'v', JSON.stringify(node));
  };
  walk(value, '', undefined);
  return result;
}

/** The ids of the nodes to open so that the node `id` shows: every ancestor of it, and itself. */
export function pathTo(id: string): Set<string> {
  const open = new Set<string>(['']);
  let at = id.indexOf('\u0000', 1);
  while (at !== -1) {
    open.add(id.slice(0, at));
    at = id.indexOf('\u0000', at + 1);
  }
  open.add(id);
  return open;
}
