/** The sandbox's admin routes, as the dashboard would use them (tests only). */
export async function createSandboxKey(baseUrl: string, adminToken: string, workspace = 'ws_acme', name = 'Test key'): Promise<{ id: string; secret: string; prefix: string }> {
  const res = await fetch(`${baseUrl}/_sandbox/workspaces/${workspace}/api_keys`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  if (res.status !== 201) throw new Error(`sandbox refused to create a key: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; secret: string; prefix: string };
}

export async function revokeSandboxKey(baseUrl: string, adminToken: string, id: string, workspace = 'ws_acme'): Promise<void> {
  const res = await fetch(`${baseUrl}/_sandbox/workspaces/${workspace}/api_keys/${id}`, {
    method: 'DELETE',
    headers: { Authorization: `Bearer ${adminToken}` },
  });
  if (res.status !== 200) throw new Error(`sandbox refused to revoke: ${res.status}`);
}
