import { expect, test } from './fixtures';
import { pickEndpoint } from './steps';


test('the JSON body editor is styled under the strict CSP: gutter beside the code, lint marks on invalid JSON', async ({ page, console: app }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|violates/i.test(m.text())) violations.push(m.text());
  });
  await app.open(page);
  await page.evaluate(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`violates ${e.violatedDirective}`));
  });
  // The page's CSP names a nonce for styles, and no 'unsafe-inline' anywhere.
  const csp = (await page.request.get(app.host.url)).headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/]+={0,2}'/);
  expect(csp).not.toContain('unsafe-inline');

  await page.getByRole('button', { name: 'Requests', exact: true }).click();
  await pickEndpoint(page, /POST \/v1\/contacts/);
  const editor = page.getByLabel('Request body');
  await editor.fill('{\n  "name": "Grace",\n  "email": \n}');

  // Line numbers sit in a gutter to the left of the text, on the same rows.
  const body = page.locator('.body-editor');
  const gutter = body.locator('.cm-lineNumbers');
  const firstNumber = gutter.locator('.cm-gutterElement', { hasText: /^1$/ });
  const firstLine = body.locator('.cm-line').first();
  const numberBox = (await firstNumber.boundingBox())!;
  const lineBox = (await firstLine.boundingBox())!;
  expect(numberBox.x + numberBox.width).toBeLessThanOrEqual(lineBox.x);
  expect(Math.abs(numberBox.y - lineBox.y)).toBeLessThan(4);
  const secondNumber = (await gutter.locator('.cm-gutterElement', { hasText: /^2$/ }).boundingBox())!;
  expect(secondNumber.y).toBeGreaterThan(numberBox.y);
  expect(secondNumber.y - numberBox.y).toBeLessThan(lineBox.height * 1.5);

  // The syntax error is marked: a visible marker in the lint gutter and an underlined range.
  const marker = body.locator('.cm-lint-marker-error');
  await expect(marker).toBeVisible();
  const markerBox = (await marker.boundingBox())!;
  expect(markerBox.width).toBeGreaterThan(4);
  expect(markerBox.x + markerBox.width).toBeLessThanOrEqual(lineBox.x);
  // A range gets a wavy underline (a background image); an empty one a point with a coloured tick.
  const mark = body.locator('.cm-lintRange-error, .cm-lintPoint-error').first();
  await expect(mark).toBeAttached();
  const drawn = await mark.evaluate((el) => {
    const after = getComputedStyle(el, '::after');
    return getComputedStyle(el).backgroundImage.includes('url(') || (after.content !== 'none' && after.borderBottomStyle !== 'none');
  });
  expect(drawn).toBe(true);

  // The dev placeholder never reaches the page: the host filled in a real nonce.
  expect(await page.content()).not.toContain('__HELPLANE_CSP_NONCE__');
  expect(violations).toEqual([]);
});
