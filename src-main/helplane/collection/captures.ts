import { jsonpath } from 'json-p3';
import { VALUE_TEXT_MAX } from './limits';
import type { Capture, Entry } from './model';
import type { CollectionProblem } from './problems';

/**
 * Captures (variable ← JSONPath, RFC 9535 through json-p3) declared in a saved request, applied to a
 * 2xx JSON response. A path must select exactly one value: none or several is an error in words
 * (a chain that silently takes the first of many sends the wrong id). A string is taken as is,
 * anything else as its JSON text (`42`, `true`, `{"a":1}`).
 */

export interface CaptureResponse {
  status: number;
  body: string;
}

export interface CaptureResult {
  /** False when the response was not a 2xx: nothing is captured, and that is no error. */
  applied: boolean;
  variables: Entry[];
  problems: CollectionProblem[];
}

export function applyCaptures(captures: readonly Capture[], response: CaptureResponse, file?: string): CaptureResult {
  if (captures.length === 0 || response.status < 200 || response.status > 299) return { applied: false, variables: [], problems: [] };
  const where = file ? `${file}: ` : '';
  let data: unknown;
  try {
    data = JSON.parse(response.body);
  } catch {
    return {
      applied: true,
      variables: [],
      problems: [{ code: 'capture_failed', file, message: `${where}the response body is not JSON, so no capture could be taken (${captures.map((c) => c.variable).join(', ')}).` }],
    };
  }
  const variables: Entry[] = [];
  const problems: CollectionProblem[] = [];
  captures.forEach((capture, index) => {
    const fail = (why: string) => problems.push({ code: 'capture_failed', file, field: `captures[${index}]`, message: `${where}capture ${capture.variable} ← ${capture.path}: ${why}` });
    let values: unknown[];
    try {
      values = jsonpath.query(capture.path, data as never).values();
    } catch (error) {
      fail(`the path is not valid JSONPath (${(error as Error).message}).`);
      return;
    }
    if (values.length === 0) return void fail('matched nothing in the response.');
    if (values.length > 1) return void fail(`matched ${values.length} values; make the path select one (such as $.data[0].id).`);
    const value = typeof values[0] === 'string' ? values[0] : JSON.stringify(values[0]);
    if (value.length > VALUE_TEXT_MAX) return void fail(`the value is longer than ${VALUE_TEXT_MAX} characters.`);
    variables.push({ name: capture.variable, value });
  });
  return { applied: true, variables, problems };
}
