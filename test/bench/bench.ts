/** One measured figure: `met` says whether it reached its goal. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** A human-readable goal, e.g. ">= 0.5". */
  goal: string;
  met: boolean;
}

/** A benchmark module: index.ts runs each and prints their rows together. */
export interface Bench {
  name: string;
  run(options: BenchOptions): Promise<BenchRow[]>;
}

export interface BenchOptions {
  /** Seconds per measured run. */
  duration: number;
  /** Progress lines go here (stderr), so `--json` output on stdout stays parseable. */
  log(line: string): void;
}
