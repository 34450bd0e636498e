import { json, jsonParseLinter } from '@codemirror/lang-json';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, lineNumbers } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { cspStyleNonce } from '../../lib/csp-nonce';
import { validateBody } from './body-validation';

interface Props {
  value: string;
  schema: string | null;
  onChange(value: string): void;
  describedBy?: string;
}

/** The JSON body editor (CodeMirror 6): syntax errors and schema problems are marked as you type. */
export function BodyEditor({ value, schema, onChange, describedBy }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef({ onChange, schema });
  latest.current = { onChange, schema };

  useEffect(() => {
    if (!host.current) return;
    const schemaLint = linter((v): Diagnostic[] => {
      const text = v.state.doc.toString();
      const syntax = jsonParseLinter()(v);
      if (syntax.length > 0) return syntax;
      return validateBody(text, latest.current.schema).map((p) => ({ from: 0, to: Math.min(text.length, 1), severity: 'error', message: p.message }));
    });
    // CodeMirror injects its styles as <style> tags: under the hosts' CSP they need the page's nonce.
    const nonce = cspStyleNonce();
    view.current = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          ...(nonce ? [EditorView.cspNonce.of(nonce)] : []),
          lineNumbers(),
          json(),
          lintGutter(),
          schemaLint,
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': 'Request body', ...(describedBy ? { 'aria-describedby': describedBy } : {}) }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) latest.current.onChange(u.state.doc.toString());
          }),
        ],
      }),
    });
    return () => view.current?.destroy();
    // The editor is made once; later values arrive through the effect below.
  }, []);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  return <div ref={host} className="body-editor" />;
}
