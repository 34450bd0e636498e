import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseJunit, type TestSuites } from 'junit2json';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfMetadataStore } from '../../../src-main/adapters/conf-metadata-store';
import { nodeHostAdapters } from '../../../src-main/adapters/node-host';
import { createCore } from '../../../src-main/core/create-core';
import type { RunReport } from '../../../src-main/cli/run-report';
import { tempDir } from '../../helpers/temp-dir';
import { childEnv, getRequest, runCli, writeCollection } from './cli-helpers';

/**
 * The runner as a child process against the real embedded sandbox (`--env sandbox`, started in the
 * child) and the real keychain of the console's default data folder (run with-keyring.sh): keys a
 * console made there ("Sandbox demo", and one made with Create key) are the runner's keys.
 */
const dir = tempDir('cli-sandbox');
const xdg = join(dir.path, 'xdg');
// The console's default data folder under this XDG_CONFIG_HOME (lib/data-dir.ts): the runner's default too.
const dataDir = join(xdg, 'Helplane Console');
const env = childEnv({ XDG_CONFIG_HOME: xdg });
const folder = (name: string) => join(dir.path, name);

// Each run creates its contact: an email of its own (the sandbox refuses a second contact with one).
let runs = 0;
const chain = () => writeCollection(folder(`chain-${++runs}`), {
  'collection.yaml': `name: Onboarding\nvariables:\n  email: ada${runs}@example.com\nenvironments:\n  sandbox:\n    subject: Welcome\n`,
  'list-contacts.request.yaml': getRequest('List contacts', '/v1/contacts', 1, '  - status: 200\n  - jsonpath: $.object\n    equals: list\n', 'query:\n  limit: "2"\n'),
  'chain/create-contact.request.yaml':
    'name: Create contact\norder: 1\nmethod: POST\npath: /v1/contacts\nheaders:\n  Content-Type: application/json\nbody: |\n  {"email": "{{email}}", "name": "Ada"}\ncaptures:\n  - variable: contact_id\n    path: $.id\ntests:\n  - status: 201\n  - jsonpath: $.id\n    matches: ^ct_\n',
  'chain/send-message.request.yaml':
    'name: Send message\norder: 2\nmethod: POST\npath: /v1/messages\nheaders:\n  Content-Type: application/json\nbody: |\n  {"contact_id": "{{contact_id}}", "subject": "{{subject}}", "body": "Hello"}\ntests:\n  - status: 201\n  - jsonpath: $.object\n    equals: message\n',
});

beforeAll(async () => {
  // The console, once, in this data folder: it makes "Sandbox demo"; Create key makes a second one.
  const core = await createCore({
    host: 'web',
    dataDir,
    ...nodeHostAdapters(dataDir),
    metadata: createConfMetadataStore(dataDir),
    events: { emit: () => undefined },
    isTrustedSender: () => true,
    env: {},
  });
  try {
    expect(core.keys.list().map((k) => k.name)).toContain('Sandbox demo');
    await core.keys.create('Second key');
  } finally {
    await core.dispose();
  }
}, 60_000);

afterAll(() => dir.cleanup());

describe('npm run cli -- run against the embedded sandbox', () => {
  it('runs the requests in the tree order with variables and captures, passes, exits 0, and writes no History', async () => {
    const r = await runCli(['run', chain(), '--env', 'sandbox'], env);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => /^(PASS|FAIL|ERROR|SKIP)/.test(l));
    // Folders first, then requests by order: the chain, then the root's list.
    expect(lines.map((l) => l.split(' [')[0])).toEqual(['PASS  POST Create contact', 'PASS  POST Send message', 'PASS  GET List contacts']);
    expect(r.stdout).toContain('3 requests: 3 passed, 0 failed, 0 errors');
    expect(r.stdout).toContain('tests 6/6 passed');
    // Not a terminal: no progress lines on stderr.
    expect(r.stderr).not.toContain('[1/3]');
    const history = join(dataDir, 'history.json');
    expect(existsSync(history) ? readFileSync(history, 'utf8') : '[]').not.toContain('/v1/messages');
  }, 60_000);

  it('--reporter json: stdout is the JSON report and nothing else; --key picks the stored key by name', async () => {
    const r = await runCli(['run', chain(), '--reporter', 'json', '--key', 'Second key'], env);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as RunReport;
    expect(report.schemaVersion).toBe(1);
    expect(report.environment).toBe('sandbox');
    expect(report.collection.name).toBe('Onboarding');
    expect(report.requests.map((q) => [q.file, q.key, q.outcome, q.status])).toEqual([
      ['chain/create-contact.request.yaml', 'Second key', 'passed', 201],
      ['chain/send-message.request.yaml', 'Second key', 'passed', 201],
      ['list-contacts.request.yaml', 'Second key', 'passed', 200],
    ]);
    expect(report.requests[0]!.captured).toEqual(['contact_id']);
    expect(report.summary).toMatchObject({ requests: 3, passed: 3, failed: 0, errors: 0, skipped: 0, rateLimited: 0, tests: { total: 6, passed: 6 } });
  }, 60_000);

  it('a failed test exits 1; --reporter junit writes JUnit XML that junit2json reads', async () => {
    writeCollection(folder('failing'), {
      'collection.yaml': 'name: Failing\n',
      'a.request.yaml': getRequest('Contacts', '/v1/contacts', 1, '  - status: 201\n  - header: content-type\n    matches: ^application/json\n'),
      'b.request.yaml': getRequest('Conversations', '/v1/conversations', 2),
    });
    const r = await runCli(['run', folder('failing'), '--reporter', 'junit'], env);
    expect(r.code, r.stderr).toBe(1);
    const parsed = (await parseJunit(r.stdout)) as TestSuites;
    expect(parsed.name).toBe('Failing');
    expect(parsed.tests).toBe(3);
    expect(parsed.failures).toBe(1);
    const [a, b] = parsed.testsuite!;
    expect(a!.name).toBe('GET Contacts');
    expect(a!.testcase!.map((c) => [c.name, c.failure?.[0]?.message ?? null])).toEqual([
      ['status is 201', 'the status was 200'],
      ['header content-type matches ^application/json', null],
    ]);
    expect(b!.testcase!.map((c) => c.name)).toEqual(['status is 200']);
  }, 60_000);

  it('--bail stops after the first failing request: the rest are skipped, exit 1', async () => {
    writeCollection(folder('bail'), {
      'a.request.yaml': getRequest('First', '/v1/contacts', 1, '  - status: 404\n'),
      'b.request.yaml': getRequest('Second', '/v1/contacts', 2),
      'c.request.yaml': getRequest('Third', '/v1/contacts', 3),
    });
    const r = await runCli(['run', folder('bail'), '--bail', '--reporter', 'json'], env);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as RunReport;
    expect(report.bailed).toBe(true);
    expect(report.requests.map((q) => [q.name, q.outcome, q.attempts])).toEqual([
      ['First', 'failed', 1],
      ['Second', 'skipped', 0],
      ['Third', 'skipped', 0],
    ]);
    // Without --bail every request runs.
    const all = JSON.parse((await runCli(['run', folder('bail'), '--reporter', 'json'], env)).stdout) as RunReport;
    expect(all.requests.map((q) => q.outcome)).toEqual(['failed', 'passed', 'passed']);
  }, 60_000);

  it('--out writes the report to the file; stdout gets a one-line summary', async () => {
    const out = join(dir.path, 'reports', 'run.xml');
    const r = await runCli(['run', chain(), '--reporter', 'junit', '--out', out], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^3 requests: 3 passed, 0 failed, 0 errors; tests 6\/6 passed; [\d.]+ s\nReport \(junit\): .*run\.xml\n$/);
    const parsed = (await parseJunit(readFileSync(out, 'utf8'))) as TestSuites;
    expect(parsed.tests).toBe(6);
    expect(parsed.failures).toBe(0);
  }, 60_000);

  it('a request’s key reference picks that key; a reference to a key that is not stored exits 3 before sending', async () => {
    writeCollection(folder('keyref'), {
      'a.request.yaml': getRequest('With second', '/v1/contacts', 1, '  - status: 200\n', 'key:\n  name: Second key\n  environment: sandbox\n'),
    });
    const ok = JSON.parse((await runCli(['run', folder('keyref'), '--reporter', 'json'], env)).stdout) as RunReport;
    expect(ok.requests[0]!.key).toBe('Second key');
    writeFileSync(join(folder('keyref'), 'b.request.yaml'), getRequest('With missing', '/v1/contacts', 2, '  - status: 200\n', 'key:\n  name: Gone key\n  environment: sandbox\n'));
    const r = await runCli(['run', folder('keyref'), '--reporter', 'json'], env);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('There is no stored key “Gone key” for sandbox');
  }, 60_000);

  it('--data-dir takes another data folder: its keychain entries and keys, not the default one’s', async () => {
    const r = await runCli(['run', chain(), '--key', 'Second key', '--data-dir', join(dir.path, 'other-data')], env);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('There is no stored key “Second key” for sandbox (--key)');
  }, 60_000);

  it('exits 3 when the keychain is unavailable, saying so', async () => {
    const r = await runCli(['run', chain()], { ...env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(dir.path, 'no-bus')}` });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/keychain/i);
    expect(r.stdout).toBe('');
  }, 60_000);

  it('exits 3 when the environment has no usable key', async () => {
    const r = await runCli(['run', chain(), '--env', 'production'], env);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('No usable stored key for production');
  }, 60_000);

  it('exits 2 for a collection with a file that does not parse, naming it', async () => {
    writeCollection(folder('damaged'), {
      'good.request.yaml': getRequest('Good', '/v1/contacts', 1),
      'bad.request.yaml': 'name: Bad\nmethod: GET\npath: [unclosed\n',
    });
    const r = await runCli(['run', folder('damaged')], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.request.yaml');
    expect(r.stdout).toBe('');
  }, 60_000);
});
