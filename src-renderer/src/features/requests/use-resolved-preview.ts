import { useEffect, useState } from 'react';
import type { RequestResolutionView, SendRequestInput } from '../../../../src-preload/contract';
import { useConsoleStore } from '../../store';

/** Typing pauses this long before main resolves the draft again. */
export const PREVIEW_DELAY_MS = 250;

export interface ResolvedPreview {
  /** What main will send; null before the first answer or while the request cannot be built. */
  resolution: RequestResolutionView | null;
  /** Words for why Send is blocked (an undefined variable, a loop); null when it may be sent. */
  blocked: string | null;
  /** The request as built, when it has a `{{name}}` (the preview then matters most). */
  usesVariables: boolean;
}

const hasPlaceholder = (input: SendRequestInput) => /\{\{/.test(JSON.stringify([input.path, input.query ?? [], input.headers ?? [], input.body ?? '']));

/**
 * The active tab's request as main will send it: rebuilt whenever the form, the key or the runtime
 * variables change, resolved by main a moment after the last change (requests:resolve).
 */
export function useResolvedPreview(): ResolvedPreview {
  // A string, so the selector is stable while nothing that is sent changed.
  const built = useConsoleStore((s) => {
    const b = s.buildRequest();
    return 'error' in b ? '' : JSON.stringify(b.input);
  });
  const runtimeVersion = useConsoleStore((s) => s.runtimeVersion);
  const resolveDraft = useConsoleStore((s) => s.resolveDraft);
  const [state, setState] = useState<ResolvedPreview>({ resolution: null, blocked: null, usesVariables: false });

  useEffect(() => {
    if (built === '') {
      setState({ resolution: null, blocked: null, usesVariables: false });
      return;
    }
    const input = JSON.parse(built) as SendRequestInput;
    const usesVariables = hasPlaceholder(input);
    let live = true;
    const timer = setTimeout(() => {
      void resolveDraft(input).then((result) => {
        if (!live) return;
        if (!result.ok) {
          setState({ resolution: null, blocked: null, usesVariables });
          return;
        }
        const problems = result.value.problems;
        setState({ resolution: result.value, blocked: problems.length > 0 ? problems.map((p) => p.message).join(' ') : null, usesVariables });
      });
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [built, runtimeVersion, resolveDraft]);

  return state;
}
