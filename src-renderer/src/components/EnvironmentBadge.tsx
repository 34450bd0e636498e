import type { EnvironmentKind } from '../../../src-preload/contract';
import { ENVIRONMENT_LABELS } from '../lib/key-labels';

/** The environment in words, coloured per kind: Production always stands out. */
export function EnvironmentBadge({ environment }: { environment: EnvironmentKind }) {
  return <span className={`badge env-${environment}`}>{ENVIRONMENT_LABELS[environment]}</span>;
}
