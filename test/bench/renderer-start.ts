import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { startWebHost } from '../../src-main/web-host/server';
import type { Bench, BenchRow } from './bench';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RENDERER = resolve(ROOT, 'out/renderer');
const BUNDLE_GOAL_KB = 350;
const RUNS = 7;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Gzipped bytes of what the first screen loads: the entry script and stylesheet in index.html. */
function firstScreenBytes(): number {
  const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="(?:\.\/|\/)?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  if (assets.length === 0) throw new Error('no assets found in out/renderer/index.html: run `npm run build` first');
  return assets.reduce((sum, a) => sum + gzipSync(readFileSync(join(RENDERER, a)), { level: 9 }).byteLength, 0);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * First paint of the console (the nav drawn by React, through the web host) against a blank page
 * with one line of text from a plain server, both in the same Chromium, alternating.
 */
export const rendererStart: Bench = {
  name: 'renderer-start',
  async run({ log }): Promise<BenchRow[]> {
    const bytes = firstScreenBytes();
    const blank = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>blank</title><nav>Keys</nav>'));
    await new Promise<void>((r) => blank.listen(0, '127.0.0.1', r));
    const blankUrl = `http://127.0.0.1:${(blank.address() as AddressInfo).port}/`;
    // The console's IPC answers are not what this measures: a router that answers "not here" is enough.
    const host = await startWebHost({
      rendererDir: RENDERER,
      createRouter: async () => ({
        router: { handle: async () => ({ ok: false, error: { code: 'internal_error', message: 'bench' } }) },
        dispose: async () => undefined,
      }),
    });
    const browser = await chromium.launch({ executablePath: process.env.HELPLANE_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const paint = async (url: string, selector: string) => {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(url, { waitUntil: 'commit' });
        await page.waitForSelector(selector);
        // Milliseconds from navigation start until the element is in the DOM and a frame has painted it.
        const ms = await page.evaluate(
          () => new Promise<number>((r) => (globalThis as unknown as { requestAnimationFrame(cb: () => void): void }).requestAnimationFrame(() => r(performance.now()))),
        );
        await context.close();
        return ms;
      };
      log(`${RUNS} cold loads each, alternating`);
      const consoleMs: number[] = [];
      const blankMs: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        consoleMs.push(await paint(host.url, 'nav'));
        blankMs.push(await paint(blankUrl, 'nav'));
      }
      const c = median(consoleMs);
      const b = median(blankMs);
      return [
        { name: 'console first paint (median)', value: Number(c.toFixed(1)), unit: 'ms', goal: '-', met: true },
        { name: 'blank page first paint (median)', value: Number(b.toFixed(1)), unit: 'ms', goal: '-', met: true },
        { name: 'console / blank first paint', value: Number((c / b).toFixed(2)), unit: 'ratio', goal: '-', met: true },
        { name: 'first-screen bundle, gzipped', value: Math.round(bytes / 1024), unit: 'KB', goal: `< ${BUNDLE_GOAL_KB}`, met: bytes / 1024 < BUNDLE_GOAL_KB },
      ];
    } finally {
      await browser.close();
      await host.close();
      blank.close();
    }
  },
};
