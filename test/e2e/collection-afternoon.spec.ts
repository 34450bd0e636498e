import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { collectionFolder, openCollection, openTreeRequest } from './collection-steps';
import { nav } from './steps';

// Issue 16, "a whole afternoon": a collection from a git repository, a request chain with captures,
// an edit made outside the console, a save, and `git diff` showing only the intended lines.

const SEND = `name: Send a message
order: 2
method: POST
path: /v1/messages
body: |
  {
    "contact_id": "{{contact_id}}",
    "subject": "Hello",
    "body": "Welcome to Acme"
  }
captures:
  - variable: conversation_id
    path: $.conversation_id
`;

test('a whole afternoon: open a git collection, create a contact, capture its id, message it, read the conversation, edit outside, save, git diff', async ({ page, console: app }) => {
  const email = `ada.${Date.now()}@example.com`;
  const folder = collectionFolder({
    'collection.yaml': `name: Onboarding\nvariables:\n  contact_name: Ada Lovelace\n  email: ${email}\n`,
    'chain/create-contact.request.yaml': `name: Create contact\norder: 1\nmethod: POST\npath: /v1/contacts\nbody: |\n  {"name": "{{contact_name}}", "email": "{{email}}"}\ncaptures:\n  - variable: contact_id\n    path: $.id\n`,
    'chain/send-message.request.yaml': SEND,
    'chain/read-conversation.request.yaml': 'name: Read the conversation\norder: 3\nmethod: GET\npath: /v1/conversations/{{conversation_id}}\n',
  });
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@local', ...args], { cwd: folder.root, encoding: 'utf8' });
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'Onboarding collection');

  await app.open(page);
  await nav(page, 'Requests');
  await openCollection(page, folder.root);
  const response = page.getByRole('region', { name: 'Response' });
  const send = page.getByRole('button', { name: 'Send', exact: true });

  // 1. Create the contact: its id is captured as contact_id.
  await openTreeRequest(page, /POST Create contact/);
  await send.click();
  await expect(response).toContainText('201 Created');
  await expect(response).toContainText(email);
  const contactId = /"(ct_[A-Za-z0-9]+)"/.exec((await response.textContent()) ?? '')?.[1];
  expect(contactId).toBeTruthy();

  // 2. Message it: {{contact_id}} is the captured id; the conversation's id is captured in turn.
  await openTreeRequest(page, /POST Send a message/);
  await send.click();
  await expect(response).toContainText('201 Created');
  await expect(response).toContainText('Welcome to Acme');

  // 3. Read the conversation back: the contact and the message are there.
  await openTreeRequest(page, /GET Read the conversation/);
  await send.click();
  await expect(response).toContainText('200 OK');
  await expect(response).toContainText(contactId!);
  await expect(response).toContainText('Welcome to Acme');

  // 4. A teammate's edit arrives outside the console (a git pull): the open tab shows it.
  await openTreeRequest(page, /POST Send a message/);
  folder.write('chain/send-message.request.yaml', SEND.replace('"subject": "Hello"', '"subject": "Hello from support"'));
  const body = page.getByRole('textbox', { name: 'Request body' });
  await expect(body).toHaveValue(/"subject": "Hello from support"/);

  // 5. My edit, saved: git diff shows exactly the two lines that changed, in that one file.
  await body.fill((await body.inputValue()).replace('Welcome to Acme', 'Welcome to Acme, Ada'));
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('tab', { selected: true })).not.toHaveAccessibleName(/unsaved/);
  expect(git('status', '--porcelain')).toBe(' M chain/send-message.request.yaml\n');
  expect(git('diff', '--numstat')).toBe('2\t2\tchain/send-message.request.yaml\n');
  const changed = git('diff', '-U0').split('\n').filter((l) => /^[-+] /.test(l));
  expect(changed).toEqual(['-    "subject": "Hello",', '-    "body": "Welcome to Acme"', '+    "subject": "Hello from support",', '+    "body": "Welcome to Acme, Ada"']);
  expect(readFileSync(join(folder.root, 'chain/send-message.request.yaml'), 'utf8')).not.toMatch(/hl_test_/);
  folder.cleanup();
});
