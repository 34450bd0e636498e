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
const BODY_BYTES = 1_000_000;
const GOAL = 1.5;
const SWITCHES = 21;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The body view's arrival stamp now shown (each reply has its own). */
const shownStamp = (page: Page) => page.evaluate(() => (globalThis as unknown as { document: { querySelector(s: string): { getAttribute(n: string): string | null } | null } }).document.querySelector('[aria-label="Body"][data-received-at]')?.getAttribute('data-received-at') ?? null);

/** Wait until a body other than `previous` is shown, its first row in the DOM, painted; resolves with the page's clock then. */
function watchBody(page: Page, previous: string | null): Promise<number> {
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  const script = `new Promise((done) => {
    const prev = ${JSON.stringify(previous)};
    const ready = () => {
      const el = document.querySelector('[aria-label="Body"][data-received-at]');
      return el && el.getAttribute('data-received-at') !== prev && el.querySelector('[data-line="0"]');
    };
    const finish = () => requestAnimationFrame(() => setTimeout(() => done(performance.now())));
    if (ready()) return finish();
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      observer.disconnect();
      finish();
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  })`;
  return page.evaluate(script) as Promise<number>;
}

/** Open `count` tabs, each sent once and holding its own 1 MB JSON reply. */
async function fillTabs(page: Page, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    if (i > 0) await page.getByRole('button', { name: 'New tab' }).click();
    await page.getByRole('combobox', { name: 'Endpoint' }).selectOption({ label: 'Custom request — any method and path' });
    await page.getByRole('textbox', { name: 'Path' }).fill(`/v1/items?tab=${i}`);
    const previous = await shownStamp(page);
    const shown = watchBody(page, previous);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await shown;
  }
}

/** Median ms from clicking another tab until its 1 MB reply's first rows are painted. */
async function switchTimes(page: Page, count: number): Promise<number[]> {
  const tabs = page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab');
  const times: number[] = [];
  let at = count - 1;
  for (let i = 0; i < SWITCHES; i++) {
    at = (at + 1) % count;
    const previous = await shownStamp(page);
    const start = (await page.evaluate(() => performance.now())) as number;
    const shown = watchBody(page, previous);
    await tabs.nth(at).click();
    times.push((await shown) - start);
  }
  // The first switch warms the code paths: left out.
  return times.slice(1);
}

/**
 * Switching tabs with 20 open tabs each holding a 1 MB reply, against 2 such tabs: measured in
 * Chromium through the web host with the real core (main keeps each large body, the renderer shows
 * its first window), from the click to the other tab's first body rows painted.
 */
export const tabSwitch: Bench = {
  name: 'tab-switch',
  async run({ log }): Promise<BenchRow[]> {
    const body = makeJsonBody(BODY_BYTES);
    const api = createServer((req, res) => {
      // The key check when adding the key asks for one item: answer small.
      res.writeHead(200, { 'content-type': 'application/json' }).end(req.url?.includes('limit=1') ? '{"data":[]}' : body);
    });
    await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
    const apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    const browser = await chromium.launch({ executablePath: process.env.HELPLANE_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const rows: BenchRow[] = [];
    const medians: Record<number, number> = {};
    try {
      for (const count of [2, 20]) {
        // A data folder per run: tabs come back after a restart, so each run starts from none.
        const dir = mkdtempSync(join(tmpdir(), 'helplane-bench-tabs-'));
        const host = await startWebHost({ rendererDir: RENDERER, createRouter: createWebCore(join(dir, 'data'), { secrets: memorySecretStore(), sandbox: stoppedSandbox('no sandbox in this bench') } as Parameters<typeof createWebCore>[1]) });
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        try {
          await page.goto(host.url);
          const added = await page.evaluate(
            (url) => (globalThis as unknown as { helplane: { keysAdd(i: unknown): Promise<{ ok: boolean }> } }).helplane.keysAdd({ name: 'bench', environment: 'custom', baseUrl: url, secret: 'bench-secret-123' }),
            apiUrl,
          );
          if (!added.ok) throw new Error('could not add the bench key');
          await page.reload();
          await page.getByRole('button', { name: 'Requests', exact: true }).or(page.getByRole('link', { name: 'Requests', exact: true })).first().click();
          const keyPicker = page.getByLabel('Key', { exact: true });
          await keyPicker.selectOption((await keyPicker.locator('option').filter({ hasText: 'bench' }).first().getAttribute('value')) ?? '');
          await fillTabs(page, count);
          const times = await switchTimes(page, count);
          medians[count] = median(times);
          log(`${count} tabs: switch ${medians[count]!.toFixed(1)} ms (median of ${times.length})`);
          rows.push({ name: `${count} tabs × 1 MB: switch to first rows (median)`, value: Number(medians[count]!.toFixed(1)), unit: 'ms', goal: '-', met: true });
        } finally {
          await page.close();
          await host.close();
          rmSync(dir, { recursive: true, force: true });
        }
      }
      const ratio = medians[20]! / medians[2]!;
      rows.push({ name: '20 tabs / 2 tabs switch', value: Number(ratio.toFixed(2)), unit: 'ratio', goal: `<= ${GOAL}`, met: ratio <= GOAL });
      return rows;
    } finally {
      await browser.close();
      api.close();
    }
  },
};
