import { useCallback, useState, type ReactNode } from 'react';
import { UseAsVariableDialog, type VariableCandidate } from './UseAsVariableDialog';
import { suggestVariableName, variableValue } from './variable-name';

/**
 * Use as variable for one view of a response (the body tree, the large tree, the merged list):
 * `pick` opens the dialog for a value; `view` is the dialog and the "is set" words to render.
 */
export function useVariablePicker(): { pick: (name: string | undefined, value: unknown, parentName?: string) => void; view: ReactNode; clear: () => void } {
  const [candidate, setCandidate] = useState<VariableCandidate | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const pick = useCallback((name: string | undefined, value: unknown, parentName?: string) => setCandidate({ name: suggestVariableName(name, value, parentName), value: variableValue(value) }), []);
  const clear = useCallback(() => setDone(null), []);
  const view = (
    <>
      {done && (
        <p role="status" className="captured">
          Variable {done} is set: {`{{${done}}}`} now resolves to this value.
        </p>
      )}
      {candidate && <UseAsVariableDialog candidate={candidate} onClose={() => setCandidate(null)} onSet={setDone} />}
    </>
  );
  return { pick, view, clear };
}
