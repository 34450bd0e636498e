import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { TreeNode } from '../../../../src-preload/contract';
import { useConsoleStore } from '../../store';
import { leafOf } from './large-tree-leaf';

const ROW_PX = 22;

type Row = { kind: 'node'; node: TreeNode; expanded: boolean } | { kind: 'more'; parent: number; offset: number; left: number; depth: number };

/** "key": [ becomes key: [ 12 items ]; leaves stay as printed. */
function label(node: TreeNode): string {
  const text = node.text.trim();
  if (node.childCount === null) return text;
  const open = text.slice(-1);
  return `${text.slice(0, -1)}${open} ${node.childCount} ${node.childCount === 1 ? 'item' : 'items'} ${open === '{' ? '}' : ']'}`;
}

/**
 * A lazily expanded tree of a JSON body kept in main: main parsed nothing into objects, it walks
 * its line index to list a node's children a page at a time; only expanded rows exist here.
 */
export function LargeTreeView({ responseId, rootText, onUse }: { responseId: string; rootText: string; onUse?: (name: string | undefined, value: unknown) => void }) {
  const expand = useConsoleStore((s) => s.expandResponseNode);
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_PX, overscan: 20 });

  const rootTotal = useRef(0);

  async function children(line: number, offset: number, depth: number): Promise<Row[] | null> {
    const result = await expand(responseId, line, offset);
    if (!result.ok) {
      setError(result.error.message);
      return null;
    }
    if (line === 0) rootTotal.current = result.value.total;
    const out: Row[] = result.value.nodes.map((node) => ({ kind: 'node', node, expanded: false }));
    const shown = offset + result.value.nodes.length;
    if (shown < result.value.total) out.push({ kind: 'more', parent: line, offset: shown, left: result.value.total - shown, depth });
    return out;
  }

  useEffect(() => {
    let live = true;
    void children(0, 0, 1).then((kids) => {
      if (!live || !kids) return;
      const root: TreeNode = { line: 0, depth: 0, text: rootText, childCount: rootTotal.current };
      setRows([{ kind: 'node', node: root, expanded: true }, ...kids]);
    });
    return () => {
      live = false;
    };
    // Only a new body restarts the tree.
  }, [responseId]);

  async function toggle(index: number) {
    const row = rows[index];
    if (row?.kind !== 'node' || row.node.childCount === null) return;
    if (row.expanded) {
      let end = index + 1;
      while (end < rows.length) {
        const r = rows[end]!;
        if ((r.kind === 'node' ? r.node.depth : r.depth) <= row.node.depth) break;
        end++;
      }
      setRows([...rows.slice(0, index), { ...row, expanded: false }, ...rows.slice(end)]);
      return;
    }
    const kids = await children(row.node.line, 0, row.node.depth + 1);
    if (kids) setRows((now) => [...now.slice(0, index), { ...row, expanded: true }, ...kids, ...now.slice(index + 1)]);
  }

  async function more(index: number) {
    const row = rows[index];
    if (row?.kind !== 'more') return;
    const kids = await children(row.parent, row.offset, row.depth);
    if (kids) setRows((now) => [...now.slice(0, index), ...kids, ...now.slice(index + 1)]);
  }

  return (
    <>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div ref={scroller} className="json-tree body-virtual" role="tree" aria-label="Body tree" style={{ height: '30rem', overflow: 'auto' }}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const depth = row.kind === 'node' ? row.node.depth : row.depth;
            return (
              <div key={item.key} role="treeitem" aria-level={depth + 1} aria-expanded={row.kind === 'node' && row.node.childCount !== null ? row.expanded : undefined} style={{ position: 'absolute', top: item.start, height: ROW_PX, lineHeight: `${ROW_PX}px`, paddingLeft: `${depth}rem`, whiteSpace: 'pre' }}>
                {row.kind === 'more' ? (
                  <button type="button" onClick={() => void more(item.index)}>
                    Show more ({row.left} left)
                  </button>
                ) : row.node.childCount !== null ? (
                  <button type="button" className="json-toggle" aria-label={`${row.expanded ? 'Collapse' : 'Expand'} ${label(row.node)}`} onClick={() => void toggle(item.index)}>
                    {row.expanded ? '▾' : '▸'} {label(row.node)}
                  </button>
                ) : (
                  <span className="json-leaf">
                    {label(row.node)}
                    {onUse && leafOf(row.node.text) && (
                      // Its words come from CSS: the row's text stays the value as printed (what Raw shows).
                      <button type="button" className="use-var use-var-label" aria-label={`Use as variable: ${leafOf(row.node.text)!.name ?? 'value'}`} onClick={() => { const leaf = leafOf(row.node.text)!; onUse(leaf.name, leaf.value); }} />
                    )}
                  </span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}
