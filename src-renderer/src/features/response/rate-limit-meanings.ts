/** Rate-limit headers, pinned on top of the headers list, each with what it means in words. */
const MEANINGS: Record<string, (value: string) => string> = {
  'retry-after': (v) => `Wait ${/^\d+$/.test(v) ? `${v} s` : `until ${v}`} before sending again.`,
  'x-ratelimit-limit': (v) => `${v} requests per minute are allowed for this workspace.`,
  'x-ratelimit-remaining': (v) => `${v} requests can be sent right now.`,
  'x-ratelimit-reset': (v) => (Number(v) > 1e9 ? `The budget is full again at ${new Date(Number(v) * 1000).toLocaleTimeString()}.` : `The budget is full again in ${v} s.`),
  'x-ratelimit-burst': (v) => `At most ${v} requests can be sent at once (the bucket size).`,
  'ratelimit-limit': (v) => `${v} requests per window are allowed.`,
  'ratelimit-remaining': (v) => `${v} requests can be sent right now.`,
  'ratelimit-reset': (v) => `The budget is full again in ${v} s.`,
  ratelimit: (v) => `Current budget (IETF form): ${v.replace(/r=(\d+)/, 'r=$1 remaining').replace(/t=(\d+)/, 't=$1 s until full')}.`,
  'ratelimit-policy': (v) => `Policy (IETF form): ${v.replace(/q=(\d+)/, 'q=$1 requests').replace(/w=(\d+)/, 'w=$1 s window')}.`,
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
