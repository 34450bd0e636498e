import { describe, expect, it } from 'vitest';
import { cliArgvOf } from '../../../src-main/cli/electron-argv';

describe('helplane-console --run (argv routing, no Electron)', () => {
  it('starts the window when --run is absent', () => {
    expect(cliArgvOf(['/opt/Helplane Console/helplane-console'])).toBeNull();
    expect(cliArgvOf(['/usr/bin/electron', '.', '--inspect'])).toBeNull();
  });

  it('turns what follows --run into the runner’s command line, packaged and in development', () => {
    expect(cliArgvOf(['/opt/helplane-console', '--run', 'coll', '--env', 'sandbox'])).toEqual(['run', 'coll', '--env', 'sandbox']);
    expect(cliArgvOf(['/usr/bin/electron', '.', '--no-sandbox', '--run', 'coll', '--bail'])).toEqual(['run', 'coll', '--bail']);
  });

  it('accepts `--run run <folder>`, `--run --help` and `--run help`', () => {
    expect(cliArgvOf(['x', '--run', 'run', 'coll'])).toEqual(['run', 'coll']);
    expect(cliArgvOf(['x', '--run', '--help'])).toEqual(['run', '--help']);
    expect(cliArgvOf(['x', '--run', 'help'])).toEqual(['help']);
  });

  it('with nothing after --run still routes to the runner, which then asks for the folder', () => {
    expect(cliArgvOf(['x', '--run'])).toEqual(['run']);
  });
});
