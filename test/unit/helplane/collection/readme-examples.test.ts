import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCollection, serialiseCollection } from '../../../../src-main/helplane/collection/collection-file';
import { BODY_TEXT_MAX, ENTRIES_MAX, REQUEST_FILE_MAX, REQUESTS_MAX, VARIABLE_DEPTH_MAX } from '../../../../src-main/helplane/collection/limits';
import { parseRequest, serialiseRequest } from '../../../../src-main/helplane/collection/request-file';
import { requestPathFor } from '../../../../src-main/services/collections/collection-paths';

/** The README's "Collection format" section must stay true to the format: its examples are parsed here. */
const readme = readFileSync(join(import.meta.dirname, '../../../../README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Collection format'), readme.indexOf('\n## ', readme.indexOf('## Collection format') + 3));
const examples = [...section.matchAll(/```yaml\n# (\S+)\n([\s\S]*?)```/g)].map((m) => ({ file: m[1] as string, text: `# ${m[1]}\n${m[2]}` }));

describe('README collection format', () => {
  it('has a request example and a collection example', () => {
    expect(examples.map((e) => e.file)).toEqual(['chain/create-contact.request.yaml', 'collection.yaml']);
  });

  it.each(examples)('$file parses, and re-saves byte for byte', ({ file, text }) => {
    if (file === 'collection.yaml') {
      const result = parseCollection(text, file);
      if (!result.ok) throw new Error(result.problem.message);
      expect(serialiseCollection(result.value, { text, value: result.value })).toBe(text);
      expect(result.value.environments.map((e) => e.environment)).toEqual(['sandbox', 'custom:https://helplane.acme.internal']);
      return;
    }
    const result = parseRequest(text, file);
    if (!result.ok) throw new Error(result.problem.message);
    expect(serialiseRequest(result.value, { text, value: result.value })).toBe(text);
    expect(result.value.tests).toHaveLength(7);
    expect(requestPathFor('chain', result.value.name)).toBe(file);
  });

  it('states the caps the code has', () => {
    const n = (v: number) => v.toLocaleString('en-US');
    const flat = section.replace(/\s+/g, " ");
    expect(flat).toContain(`${n(REQUEST_FILE_MAX)} characters a file, ${n(BODY_TEXT_MAX)} a body, ${ENTRIES_MAX} entries a map or list, ${n(REQUESTS_MAX)} requests a collection`);
    expect(flat).toContain(`up to ${VARIABLE_DEPTH_MAX} deep`);
  });
});
