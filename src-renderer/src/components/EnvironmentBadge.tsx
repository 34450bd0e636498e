import type { EnvironmentKind } from '../../../src-preload/contract';
import { ENVIRONMENT_LABELS } from '../lib/key-labels';

/** The host of a base URL for a badge ("api.example.com:8443"), or the text itself when it is no URL. */
export function badgeHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

/**
 * The environment in words, coloured per kind: Production always stands out. Given the key's base
 * URL, a Custom badge also names its server (visible host, full URL on hover), since two Custom
 * keys can point at very different places (where room is short, `hostVisible` false keeps it to the hover).
 */
export function EnvironmentBadge({ environment, baseUrl, hostVisible = true }: { environment: EnvironmentKind; baseUrl?: string; hostVisible?: boolean }) {
  const custom = environment === 'custom' && baseUrl;
  return (
    <span className={`badge env-${environment}`} title={custom ? baseUrl : undefined}>
      {ENVIRONMENT_LABELS[environment]}
      {custom && hostVisible ? ` · ${badgeHost(baseUrl)}` : ''}
    </span>
  );
}
