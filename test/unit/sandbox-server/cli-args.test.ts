import { describe, expect, it } from 'vitest';
import { CliArgsError, parseCliArgs } from '../../../src-main/sandbox-server/cli-args';

describe('sandbox CLI arguments', () => {
  it('parses the documented options', () => {
    expect(parseCliArgs(['--port', '0', '--data-dir', '/tmp/x', '--admin-token', 'tok', '--seed', '42'])).toEqual({
      port: 0,
      dataDir: '/tmp/x',
      adminToken: 'tok',
      seed: 42,
    });
    expect(parseCliArgs(['--port=8080', '--data-dir=d'])).toEqual({ port: 8080, dataDir: 'd' });
  });

  it('parses the rate-limit flags, alone or together', () => {
    expect(parseCliArgs(['--port', '0', '--data-dir', 'd', '--rate-capacity', '5'])).toEqual({
      port: 0,
      dataDir: 'd',
      rateLimit: { capacity: 5 },
    });
    expect(
      parseCliArgs(['--port', '0', '--data-dir', 'd', '--rate-capacity', '5', '--rate-refill', '2', '--rate-window-ms', '1000'])
        .rateLimit,
    ).toEqual({ capacity: 5, refillPerWindow: 2, windowMs: 1000 });
  });

  it.each([
    [[], /--port is required/],
    [['--port', '0'], /--data-dir is required/],
    [['--port', 'abc', '--data-dir', 'd'], /--port must be an integer/],
    [['--port', '70000', '--data-dir', 'd'], /--port must be from 0 to 65535/],
    [['--port', '0', '--data-dir', 'd', '--seed', '1.5'], /--seed must be an integer/],
    [['--port', '0', '--data-dir', 'd', '--admin-token', 'has space'], /--admin-token/],
    [['--port', '0', '--data-dir', 'd', '--verbose'], /verbose/],
    [['--port', '0', '--data-dir', 'd', 'extra'], /extra/],
    [['--port', '0', '--data-dir', 'd', '--rate-capacity', '0'], /--rate-capacity must be from 1/],
    [['--port', '0', '--data-dir', 'd', '--rate-window-ms', 'soon'], /--rate-window-ms must be an integer/],
  ])('rejects %j with a clear message', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(CliArgsError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
