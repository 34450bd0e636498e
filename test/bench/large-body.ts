import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { startWebHost } from '../../src-main/web-host/server';
import { createWebCore } from '../../src-main/web-host/web-core';
import type { Bench, BenchRow } from './bench';
import { makeJsonBody } from './large-json';
import { memorySecretStore, stoppedSandbox } from '../helpers/fakes';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RENDERER = resolve(ROOT, 'out/renderer');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
/** Decimal megabytes, so the 100 MB body stays under the default 100 MiB response cap. */
const SIZES_MB = [1, 20, 100];
const GOAL_AT_20 = 1.5;
const HEAP_FACTOR = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Milliseconds from "response arrival" to the first rows painted, for one Send.
 *
 * Response arrival is the moment main has the whole body (the request service stamps it as
 * `large.receivedAt`, epoch ms from performance.timeOrigin + now(), and the raw view carries it as
 * data-received-at). It covers everything after the network: decoding, secret scrubbing, indexing
 * the lines, the IPC reply and React rendering. "Painted" is a task after the first animation
 * frame that has the row in the DOM, on the page's clock (timeOrigin + now(), the same wall clock).
 */
async function sendAndTime(page: Page, previous: string | null): Promise<{ ms: number; receivedAt: string }> {
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  const script = `new Promise((done) => {
    const prev = ${JSON.stringify(previous)};
    const find = () => {
      const el = document.querySelector('[aria-label="Body"][data-received-at]');
      const at = el ? el.getAttribute('data-received-at') : null;
      return el && at !== prev && el.querySelector('[data-line="0"]') ? at : null;
    };
    const observer = new MutationObserver(() => {
      const receivedAt = find();
      if (!receivedAt) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => done({ at: performance.timeOrigin + performance.now(), receivedAt })));
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  })`;
  const watch = page.evaluate(script) as Promise<{ at: number; receivedAt: string }>;
  // Settled later; a rejection must not be unhandled meanwhile.
  watch.catch(() => undefined);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const { at, receivedAt } = await watch;
  return { ms: at - Number(receivedAt), receivedAt };
}

export const largeBody: Bench = {
  name: 'large-body',
  async run({ log }): Promise<BenchRow[]> {
    const dir = mkdtempSync(join(tmpdir(), 'helplane-bench-large-'));
    let body = '{"data":[]}';
    const api = createServer((req, res) => {
      // The key check when adding the key asks for one item: answer small.
      res.writeHead(200, { 'content-type': 'application/json' }).end(req.url?.includes('limit=1') ? '{"data":[]}' : body);
    });
    await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
    const apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    const memory = memorySecretStore();
    const noSandbox = stoppedSandbox('no sandbox in this bench');
    const host = await startWebHost({ rendererDir: RENDERER, createRouter: createWebCore(join(dir, 'data'), { secrets: memory, sandbox: noSandbox } as Parameters<typeof createWebCore>[1]) });
    const browser = await chromium.launch({ executablePath: process.env.HELPLANE_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.goto(host.url);
      const added = await page.evaluate(
        (url) => (globalThis as unknown as { helplane: { keysAdd(i: unknown): Promise<{ ok: boolean }> } }).helplane.keysAdd({ name: 'bench', environment: 'custom', baseUrl: url, secret: 'bench-secret-123' }),
        apiUrl,
      );
      if (!added.ok) throw new Error('could not add the bench key');
      await page.reload();
      await page.getByRole('button', { name: 'Requests', exact: true }).or(page.getByRole('link', { name: 'Requests', exact: true })).first().click();
      // Pick this key explicitly: the keychain may hold others (recovered keys) listed before it.
      const keyPicker = page.getByLabel('Key', { exact: true });
      await keyPicker.selectOption((await keyPicker.locator('option').filter({ hasText: 'bench' }).first().getAttribute('value')) ?? '');
      const rows: BenchRow[] = [];
      let previous: string | null = null;
      for (const mb of SIZES_MB) {
        body = makeJsonBody(mb * 1_000_000);
        const runs = mb >= 100 ? 2 : 5;
        const parseMs: number[] = [];
        for (let i = 0; i < runs; i++) {
          const start = performance.now();
          JSON.parse(body);
          parseMs.push(performance.now() - start);
        }
        const viewMs: number[] = [];
        for (let i = 0; i < runs; i++) {
          const timed = await sendAndTime(page, previous);
          previous = timed.receivedAt;
          viewMs.push(timed.ms);
        }
        const view = median(viewMs);
        const parse = median(parseMs);
        const ratio = view / parse;
        log(`${mb} MB: first rows ${view.toFixed(0)} ms (runs ${viewMs.map((v) => v.toFixed(0)).join(', ')}), JSON.parse ${parse.toFixed(0)} ms`);
        rows.push(
          { name: `${mb} MB: arrival to first rows`, value: Number(view.toFixed(1)), unit: 'ms', goal: mb >= 100 ? 'opens' : '-', met: true },
          { name: `${mb} MB: JSON.parse in Node`, value: Number(parse.toFixed(1)), unit: 'ms', goal: '-', met: true },
          { name: `${mb} MB: first rows / JSON.parse`, value: Number(ratio.toFixed(2)), unit: 'ratio', goal: mb === 20 ? `<= ${GOAL_AT_20}` : '-', met: mb === 20 ? ratio <= GOAL_AT_20 : true },
        );
        if (mb >= 100) {
          const cdp = await page.context().newCDPSession(page);
          await cdp.send('HeapProfiler.collectGarbage');
          const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
          const bytes = Buffer.byteLength(body);
          rows.push({ name: `${mb} MB: renderer JS heap after opening`, value: Number((usedSize / 1e6).toFixed(1)), unit: 'MB', goal: `< ${HEAP_FACTOR} x body (${(bytes * HEAP_FACTOR / 1e6).toFixed(0)} MB)`, met: usedSize < bytes * HEAP_FACTOR });
          await cdp.detach();
        }
      }
      return rows;
    } finally {
      await browser.close();
      await host.close();
      api.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
