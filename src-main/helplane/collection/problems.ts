/**
 * What can be wrong with a collection file or an operation on one: a value with a code, a sentence
 * and where (file, field path, line and column when known). Never holds a secret: secret-scan.ts
 * names where a key was found, not the key.
 */
export type CollectionProblemCode =
  | 'parse_error'
  | 'invalid_field'
  | 'too_large'
  | 'secret_in_file'
  | 'undefined_variable'
  | 'variable_loop'
  | 'capture_failed'
  | 'name_taken'
  | 'not_found'
  | 'changed_on_disk'
  | 'damaged_file'
  | 'invalid_path'
  | 'io_error';

export interface CollectionProblem {
  code: CollectionProblemCode;
  message: string;
  /** Path of the file inside the collection folder (posix), when one is concerned. */
  file?: string;
  /** Field path inside the file, such as `headers.X-Trace` or `tests[2].matches`. */
  field?: string;
  /** 1-based. */
  line?: number;
  column?: number;
}

/** `where` in words: `requests/a.request.yaml, field headers.X, line 4`. */
export function describeWhere(problem: Pick<CollectionProblem, 'file' | 'field' | 'line' | 'column'>): string {
  const parts: string[] = [];
  if (problem.file) parts.push(problem.file);
  if (problem.field) parts.push(`field ${problem.field}`);
  if (problem.line !== undefined) parts.push(problem.column !== undefined ? `line ${problem.line}, column ${problem.column}` : `line ${problem.line}`);
  return parts.join(', ');
}

/** A failure that carries a problem (for code that throws; services turn it back into a value). */
export class CollectionFailure extends Error {
  constructor(readonly problem: CollectionProblem) {
    super(problem.message);
    this.name = 'CollectionFailure';
  }
}
