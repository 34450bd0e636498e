import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../src-main/cli/args';

const error = (argv: string[]) => {
  const parsed = parseCliArgs(argv);
  return parsed.kind === 'usage_error' ? parsed.message : `not an error: ${parsed.kind}`;
};

describe('the runner’s arguments', () => {
  it('reads every option', () => {
    expect(parseCliArgs(['run', 'coll', '--env', 'custom:https://api.acme.test/', '--key', ' CI key ', '--reporter', 'junit', '--out', 'r.xml', '--bail', '--data-dir', 'd'])).toEqual({
      kind: 'run',
      args: { command: 'run', folder: 'coll', env: 'custom:https://api.acme.test', key: 'CI key', reporter: 'junit', out: 'r.xml', bail: true, dataDir: 'd' },
    });
    expect(parseCliArgs(['run', 'coll'])).toMatchObject({ kind: 'run', args: { env: undefined, key: undefined, reporter: 'text', out: undefined, bail: false, dataDir: undefined } });
  });

  it('--help, -h and help', () => {
    for (const argv of [['--help'], ['-h'], ['help'], ['run', 'coll', '--help']]) expect(parseCliArgs(argv).kind).toBe('help');
  });

  it('says what is wrong with each bad argument', () => {
    expect(error([])).toContain('run <collection folder>');
    expect(error(['go', 'coll'])).toContain('Unknown command “go”');
    expect(error(['run'])).toContain('run needs the collection folder');
    expect(error(['run', 'a', 'b'])).toContain('also given: “b”');
    expect(error(['run', 'a', '--nope'])).toContain("Unknown option '--nope'");
    expect(error(['run', 'a', '--env'])).toContain('--env');
    expect(error(['run', 'a', '--env', 'staging'])).toContain('--env must be sandbox, production or custom:<origin>');
    expect(error(['run', 'a', '--env', 'custom:http://example.com'])).toContain('plain http is allowed only for 127.0.0.1 or localhost');
    expect(error(['run', 'a', '--env', 'custom:https://example.com/v1'])).toContain('Give only the origin');
    expect(error(['run', 'a', '--reporter', 'xml'])).toContain('--reporter must be text, json or junit, not “xml”');
    expect(error(['run', 'a', '--key', ' '])).toContain('--key needs the name');
    expect(error(['run', 'a', '--out', ''])).toContain('--out needs a file name');
    expect(error(['run', 'a', '--data-dir', ''])).toContain('--data-dir needs a folder');
    expect(error(['run', 'a', '--bail=yes'])).toContain('--bail');
  });
});
