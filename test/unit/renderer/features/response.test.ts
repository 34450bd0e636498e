import { describe, expect, it } from 'vitest';
import { headerValue, viewBody } from '../../../../src-renderer/src/features/response/response-body';
import { statusLine } from '../../../../src-renderer/src/features/response/status-text';
import { sandboxStatusText } from '../../../../src-renderer/src/features/header/app-status';

describe('response body view', () => {
  it('pretty-prints JSON', () => {
    expect(viewBody('{"a":[1,2]}', 'application/json; charset=utf-8')).toEqual({
      kind: 'json',
      text: '{\n  "a": [\n    1,\n    2\n  ]\n}',
    });
  });

  it('keeps malformed or truncated JSON, and non-JSON, as raw text', () => {
    expect(viewBody('{"a":', 'application/json')).toEqual({ kind: 'text', text: '{"a":' });
    expect(viewBody('<html></html>', 'text/html')).toEqual({ kind: 'text', text: '<html></html>' });
  });

  it('says when there is no body', () => {
    expect(viewBody('', 'application/json')).toEqual({ kind: 'empty' });
  });

  it('finds headers case-insensitively', () => {
    expect(headerValue([{ name: 'Content-Type', value: 'text/plain' }], 'content-type')).toBe('text/plain');
  });
});

describe('status line', () => {
  it('uses the reason phrase, or the standard one when HTTP/2 sent none', () => {
    expect(statusLine(200, 'OK')).toBe('200 OK');
    expect(statusLine(429, '')).toBe('429 Too Many Requests');
    expect(statusLine(599, '')).toBe('599');
  });
});

describe('sandbox status text', () => {
  it('names the base URL when ready and the reason when it failed', () => {
    expect(sandboxStatusText({ state: 'ready', baseUrl: 'http://127.0.0.1:4010', message: null })).toBe(
      'Sandbox ready at http://127.0.0.1:4010',
    );
    expect(sandboxStatusText({ state: 'failed', baseUrl: null, message: 'Port in use.' })).toBe(
      'Sandbox failed to start: Port in use.',
    );
  });
});
