/**
 * `helplane-console --run <folder> [options]`: the packaged app's way into the runner. Electron's
 * argv is `[binary, …]` packaged and `[electron, <app path>, …]` in development, and Chromium may
 * add switches of its own before ours, so `--run` is looked for anywhere; what follows it is the
 * runner's command line, with `run` in front (`--run` stands for it). Null: start the window.
 * Pure, so it is tested in Node without Electron; the RunAsNode fuse stays off (the app runs its
 * own entry, never arbitrary scripts).
 */
export function cliArgvOf(argv: readonly string[]): string[] | null {
  const at = argv.indexOf('--run');
  if (at === -1) return null;
  const rest = argv.slice(at + 1);
  // `--run --help` asks for the help; `--run run <folder>` is accepted as the same as `--run <folder>`.
  if (rest[0] === 'run' || rest[0] === 'help') return rest;
  return ['run', ...rest];
}
