import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const PAGES = ['Keys', 'Requests', 'Inspector', 'History', 'Settings'] as const;

async function goTo(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).first().click();
}

/** Relative luminance (0 black … 1 white) of a computed `rgb(…)` colour. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => Number(v) / 255);
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The page's own background and a panel/surface colour and the text colour, as luminances. */
async function colours(page: Page): Promise<{ page: number; text: number; control: number }> {
  const [pageBg, text, control] = await page.evaluate(() => {
    const main = document.querySelector('main') ?? document.body;
    const button = document.querySelector('nav button') ?? document.body;
    return [getComputedStyle(document.documentElement).backgroundColor, getComputedStyle(main).color, getComputedStyle(document.querySelector('input, select') ?? button).backgroundColor];
  });
  return { page: luminance(pageBg), text: luminance(text), control: luminance(control) };
}

async function chooseTheme(page: Page, label: 'System' | 'Light' | 'Dark') {
  await goTo(page, 'Settings');
  await page.getByLabel('Theme').selectOption({ label });
  await expect(page.locator('html')).toHaveAttribute('data-theme', label.toLowerCase());
}

test('Dark on a light OS makes every page dark at once, and stays after a reload', async ({ page, console: app }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await app.open(page);
  await chooseTheme(page, 'Dark');
  for (const name of PAGES) {
    await goTo(page, name);
    const c = await colours(page);
    expect(c.page, `${name} background`).toBeLessThan(0.2);
    expect(c.control, `${name} controls`).toBeLessThan(0.2);
    expect(c.text, `${name} text`).toBeGreaterThan(0.6);
  }
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect((await colours(page)).page).toBeLessThan(0.2);
});

test('Light on a dark OS makes every page light; System follows the OS again', async ({ page, console: app }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.open(page);
  await goTo(page, 'Keys');
  expect((await colours(page)).page, 'System with a dark OS').toBeLessThan(0.2);
  await chooseTheme(page, 'Light');
  for (const name of PAGES) {
    await goTo(page, name);
    const c = await colours(page);
    expect(c.page, `${name} background`).toBeGreaterThan(0.8);
    expect(c.control, `${name} controls`).toBeGreaterThan(0.8);
    expect(c.text, `${name} text`).toBeLessThan(0.3);
  }
  await chooseTheme(page, 'System');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
  expect((await colours(page)).page).toBeLessThan(0.2);
  await page.emulateMedia({ colorScheme: 'light' });
  expect((await colours(page)).page).toBeGreaterThan(0.8);
});
