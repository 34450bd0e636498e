import { expect, test } from './fixtures';
import { pickEndpoint } from './steps';


test('the message template’s placeholder id is flagged before Send, and a 404 hint names the body field, not path parameters', async ({ page, console: app }) => {
  await app.open(page);
  await page.getByRole('button', { name: 'Requests', exact: true }).click();
  await pickEndpoint(page, /POST \/v1\/messages/);
  // The template as it comes: its "cv_…" does not pass as valid.
  await expect(page.getByText('“conversation_id” still holds the template’s placeholder "cv_…": put a real id there.')).toBeVisible();
  await expect(page.getByText('The body matches the endpoint’s schema.')).toBeHidden();

  await page.getByLabel('Request body').fill(JSON.stringify({ conversation_id: 'cv_doesNotExist1', body: 'Hello' }));
  await expect(page.getByText('The body matches the endpoint’s schema.')).toBeVisible();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const response = page.getByRole('region', { name: 'Response' });
  await expect(response).toContainText('404');
  await expect(response).toContainText('the body’s “conversation_id” field names nothing in this workspace');
  await expect(response).not.toContainText('path parameters');

  // An unknown id in the path is told as the path parameter.
  await pickEndpoint(page, /GET \/v1\/conversations\/\{id\}/);
  await page.getByLabel('id', { exact: true }).fill('cv_doesNotExist2');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(response).toContainText('the path parameter “id” names nothing in this workspace');
});
