/** A JSON body of about `bytes` characters: an array of small records, like a list endpoint's page. */
export function makeJsonBody(bytes: number): string {
  const parts: string[] = [];
  let size = 2;
  for (let i = 0; size < bytes; i++) {
    const item = JSON.stringify({ id: `conv_${i.toString(16).padStart(8, '0')}`, subject: `Order question ${i}`, status: i % 3 === 0 ? 'open' : 'closed', priority: i % 5, tags: ['billing', `t${i % 17}`], customer: { name: `Customer ${i}`, email: `c${i}@example.com` }, updated_at: '2026-01-01T00:00:00Z' });
    parts.push(item);
    size += item.length + 1;
  }
  return `{"data":[${parts.join(',')}],"marker":"end-of-body"}`;
}
