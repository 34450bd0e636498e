import { parseList, Token, type BareItem } from 'structured-headers';

/** `"default": 50 left, resets in 30 s; …` for an RFC 9651 List field, or why it is ignored. */
function ietfMeaning(value: string, params: Record<string, (v: BareItem) => string>): string {
  let list;
  try {
    list = parseList(value);
  } catch {
    return 'Not a valid structured field (RFC 9651), so the console ignores it.';
  }
  const parts = list.map(([name, ps]) => {
    const label = typeof name === 'string' ? `“${name}”` : name instanceof Token ? String(name) : 'an unnamed policy';
    const said = [...ps].filter(([k]) => params[k]).map(([k, v]) => params[k]!(v));
    return `${label}: ${said.length > 0 ? said.join(', ') : 'no numbers the console reads'}`;
  });
  return parts.length > 0 ? `${parts.join('; ')}.` : 'No policies.';
}

const seconds = (v: BareItem) => `${String(v)} s`;

/** Rate-limit headers, pinned on top of the headers list, each with what it means in words. */
const MEANINGS: Record<string, (value: string) => string> = {
  'retry-after': (v) => (/^\d+$/.test(v) ? `Wait ${v} s before sending again.` : `Wait until ${v} before sending again (an HTTP date; any other form is ignored).`),
  'x-ratelimit-limit': (v) => `${v} requests are allowed per window (the refill rate; the window is the policy's, a minute when the server does not say).`,
  'x-ratelimit-remaining': (v) => `${v} requests can be sent right now.`,
  'x-ratelimit-reset': (v) => (Number(v) > 1e9 ? `The budget is full again at ${new Date(Number(v) * 1000).toLocaleTimeString()}.` : `The budget is full again in ${v} s.`),
  'x-ratelimit-reset-after': (v) => `The budget is back in ${v} s.`,
  'x-ratelimit-burst': (v) => `At most ${v} requests can be sent at once (the bucket size).`,
  'x-rate-limit-limit': (v) => `${v} requests are allowed per window.`,
  'x-rate-limit-remaining': (v) => `${v} requests can be sent right now.`,
  'x-rate-limit-reset': (v) => `The budget is back at ${Number(v) > 1e9 ? new Date(Number(v) * 1000).toLocaleTimeString() : `${v} (not a Unix time)`}.`,
  'x-ratelimit-limit-requests': (v) => `${v} requests are allowed per window.`,
  'x-ratelimit-remaining-requests': (v) => `${v} requests can be sent right now.`,
  'x-ratelimit-reset-requests': (v) => `The request budget is back in ${v}.`,
  'ratelimit-limit': (v) => `${v} requests per window are allowed.`,
  'ratelimit-remaining': (v) => `${v} requests can be sent right now.`,
  'ratelimit-reset': (v) => `The budget is full again in ${v} s.`,
  ratelimit: (v) =>
    /^\s*[a-z]+=/.test(v) && !v.includes('"')
      ? `Current budget (older draft form): ${v}.`
      : `Current budget (IETF form): ${ietfMeaning(v, { r: (x) => `${String(x)} left`, t: (x) => `resets in ${seconds(x)}` })}`,
  'ratelimit-policy': (v) =>
    `Policy (IETF form): ${ietfMeaning(v, { q: (x) => `quota ${String(x)}`, w: (x) => `per ${seconds(x)}`, qu: (x) => `counted in ${String(x)}` })}`,
  'x-workspace-id': (v) => `Keys of workspace ${v} share this budget.`,
};

export interface ExplainedHeader {
  name: string;
  value: string;
  meaning: string | null;
}

/** Rate-limit headers first (explained), then the rest in the order received. */
export function pinRateLimitHeaders(headers: readonly { name: string; value: string }[]): ExplainedHeader[] {
  const pinned: ExplainedHeader[] = [];
  const rest: ExplainedHeader[] = [];
  for (const h of headers) {
    const explain = MEANINGS[h.name.toLowerCase()];
    if (explain) pinned.push({ ...h, meaning: explain(h.value) });
    else rest.push({ ...h, meaning: null });
  }
  return [...pinned, ...rest];
}
