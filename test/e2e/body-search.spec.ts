import { expect, test } from './fixtures';

test('search in body marks every match, steps with Next/Previous and Enter/Shift+Enter, and opens the tree to the match', async ({ page, console: app }) => {
  await app.open(page);
  await page.getByRole('button', { name: 'Requests', exact: true }).click();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const response = page.getByRole('region', { name: 'Response' });
  const raw = response.getByLabel('Body', { exact: true });
  await expect(raw).toContainText('"object": "list"');
  const text = (await raw.textContent()) ?? '';
  const expected = text.split('"conversation"').length - 1;
  expect(expected).toBeGreaterThan(2);

  const field = response.getByLabel('Search in body');
  await field.fill('"CONVERSATION"');
  const status = response.getByRole('status').filter({ hasText: /match/ });
  await expect(status).toHaveText(`${expected} matches`);
  await expect(raw.locator('mark')).toHaveCount(expected);
  await expect(raw.locator('mark').first()).toBeVisible();

  const next = response.getByRole('button', { name: 'Next match' });
  const previous = response.getByRole('button', { name: 'Previous match' });
  await next.click();
  await expect(status).toHaveText(`1 of ${expected} matches`);
  const current = raw.locator('mark[aria-current="true"]');
  await expect(current).toHaveCount(1);
  await expect(current).toHaveText('"conversation"');
  await field.press('Enter');
  await expect(status).toHaveText(`2 of ${expected} matches`);
  await field.press('Shift+Enter');
  await expect(status).toHaveText(`1 of ${expected} matches`);
  await previous.click();
  await expect(status).toHaveText(`${expected} of ${expected} matches`);
  // The last match is brought into view inside the body's scroll box.
  await expect(current).toBeInViewport();

  // The tree: items below the first levels start closed; stepping to a match opens its node.
  // The second conversation's id (the last one is also the next_cursor: two matches).
  const lastId = [...text.matchAll(/"id": "(cv_[A-Za-z0-9]+)"/g)][1]?.[1] ?? '';
  expect(lastId).not.toBe('');
  await response.getByRole('button', { name: 'Tree', exact: true }).click();
  const tree = response.getByLabel('Body tree');
  await field.fill(lastId);
  await expect(status).toHaveText('1 match');
  const mark = tree.locator('mark', { hasText: lastId });
  await expect(mark).toBeHidden();
  await next.click();
  await expect(status).toHaveText('1 of 1 match');
  await expect(mark).toBeVisible();
  await expect(mark).toHaveAttribute('aria-current', 'true');
});
