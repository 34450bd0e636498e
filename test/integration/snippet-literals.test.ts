import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { goString, jsString, pythonString, shellWord } from '../../src-main/services/requests/snippet-literals';

/**
 * Each language reads its literal back as the text it was made from, for random text of any code
 * points (lone surrogates included: they read back as U+FFFD, which is what UTF-8 sends for them).
 * One interpreter run per language checks a few hundred strings at once.
 */

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const dir = mkdtempSync(join(tmpdir(), 'helplane-literals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TRICKY = ['"', "'", '\n', '\r', '\t', '\\', '\u2028', '\u2029', '\u0085', '\b', '\0', '\x7f', 'é', '日本', '\u{1F600}', '$HOME', '`', '%s', '\\b', '${x}', '{x}', '\ud800', '\udfff'];
const texts = fc.sample(
  fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.array(fc.constantFrom(...TRICKY), { maxLength: 12 }).map((a) => a.join(''))),
  { numRuns: 400, seed: 15 },
);
/** What a UTF-8 encoder sends for the text: lone surrogates become U+FFFD. */
const sent = (text: string) => Buffer.from(text, 'utf8').toString('utf8');

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd: dir, env: { ...process.env, GOCACHE: join(tmpdir(), 'helplane-test-gocache'), HOME: dir }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${command}: ${error.message}\n${stderr}`)) : resolve(stdout),
    );
  });
}

describe('snippet literals read back exactly', () => {
  it('JavaScript', () => {
    for (const text of texts) expect(sent(runInNewContext(jsString(text)) as string)).toBe(sent(text));
  });

  it('Python 3', async () => {
    const file = join(dir, 'literals.py');
    writeFileSync(file, `import json, sys\nsys.stdout.write(json.dumps([\n${texts.map((t) => `    ${pythonString(t)},`).join('\n')}\n]))\n`);
    expect(JSON.parse(await run(PYTHON, [file]))).toEqual(texts.map(sent));
  });

  it('Go', async () => {
    const file = join(dir, 'literals.go');
    const body = texts.map((t) => `\t\t${goString(t)},`).join('\n');
    writeFileSync(file, `package main\n\nimport (\n\t"encoding/json"\n\t"os"\n)\n\nfunc main() {\n\tjson.NewEncoder(os.Stdout).Encode([]string{\n${body}\n\t})\n}\n`);
    expect(JSON.parse(await run('go', ['run', file]))).toEqual(texts.map(sent));
  });

  it('POSIX shell (no NUL: no shell word can hold one)', async () => {
    const words = texts.filter((t) => !t.includes('\0'));
    const file = join(dir, 'literals.sh');
    // printf's %s and a NUL after each word: the words come back byte for byte.
    writeFileSync(file, `printf '%s\\0' \\\n${words.map((w) => `  ${shellWord(w)}`).join(' \\\n')}\n`);
    const out = await run('/bin/sh', [file]);
    expect(out.split('\0').slice(0, -1)).toEqual(words.map(sent));
  });
});
