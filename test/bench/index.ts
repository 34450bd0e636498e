// `npm run bench [-- --json] [--duration <s>] [--only <name>]`: runs every bench module and prints
// their rows as a table (or a JSON array). Add a bench by exporting a `Bench` and listing it here.
// Each bench runs in a process of its own (a bench of 100 MB bodies or 10,000 files must not leave
// its heap to the next one's garbage collector); `--only` runs one in this process.
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import type { Bench, BenchRow } from './bench';
import { cliRunner } from './cli-runner';
import { collectionOpen } from './collection-open';
import { engineOverhead } from './engine-overhead';
import { exportPacing } from './export-pacing';
import { fetchAllPacing } from './fetch-all-pacing';
import { largeBody } from './large-body';
import { leakScan } from './leak-scan';
import { rendererStart } from './renderer-start';
import { sandboxThroughput } from './sandbox-throughput';
import { tabSwitch } from './tab-switch';
import { timelinePacing } from './timeline-pacing';

const BENCHES: Bench[] = [sandboxThroughput, engineOverhead, exportPacing, fetchAllPacing, rendererStart, largeBody, collectionOpen, leakScan, cliRunner, tabSwitch, timelinePacing];

function table(rows: Array<BenchRow & { bench: string }>): string {
  const cells = [
    ['bench', 'measure', 'value', 'unit', 'goal', 'met'],
    ...rows.map((r) => [r.bench, r.name, String(r.value), r.unit, r.goal, r.met ? 'yes' : 'NO']),
  ];
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  return cells.map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { json: { type: 'boolean', default: false }, duration: { type: 'string', default: '5' }, only: { type: 'string' } },
  });
  const duration = Number(values.duration);
  if (!Number.isInteger(duration) || duration < 1) throw new Error('--duration must be a whole number of seconds >= 1');
  const selected = BENCHES.filter((b) => values.only === undefined || b.name === values.only);
  if (selected.length === 0) throw new Error(`no bench named ${values.only}; have: ${BENCHES.map((b) => b.name).join(', ')}`);

  const rows: Array<BenchRow & { bench: string }> = [];
  if (values.only === undefined) {
    for (const bench of selected) rows.push(...(await inChildProcess(bench.name, duration)));
    process.stdout.write(values.json ? `${JSON.stringify(rows, null, 2)}\n` : `${table(rows)}\n`);
    if (rows.some((r) => !r.met)) process.exitCode = 1;
    return;
  }
  for (const bench of selected) {
    const log = (line: string) => process.stderr.write(`[${bench.name}] ${line}\n`);
    log('running');
    try {
      for (const row of await bench.run({ duration, log })) rows.push({ bench: bench.name, ...row });
    } catch (error) {
      // One broken bench must not hide the others' figures: it becomes a failed row.
      const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
      log(`failed: ${message}`);
      rows.push({ bench: bench.name, name: `failed: ${message.slice(0, 80)}`, value: 0, unit: '-', goal: 'runs', met: false });
    }
  }
  process.stdout.write(values.json ? `${JSON.stringify(rows, null, 2)}\n` : `${table(rows)}\n`);
  // Failing goals fail the command, so CI can gate on it.
  if (rows.some((r) => !r.met)) process.exitCode = 1;
}

/** One bench in a fresh process (this script with `--only`, the same loader): its rows, or a failed row. */
function inChildProcess(name: string, duration: number): Promise<Array<BenchRow & { bench: string }>> {
  const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, '--only', name, '--json', '--duration', String(duration)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve) =>
    child.on('close', (code) => {
      try {
        resolve(JSON.parse(out) as Array<BenchRow & { bench: string }>);
      } catch {
        resolve([{ bench: name, name: `failed: its process exited ${code} without figures`, value: 0, unit: '-', goal: 'runs', met: false }]);
      }
    }),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
