import { useId, useState, type FormEvent } from 'react';
import { useConsoleStore } from '../../store';
import { CapturesEditor } from './CapturesEditor';
import { TEST_KIND_LABELS, testFromDraft, testLabel, type TestCheck, type TestDraft, type TestKind } from './test-rows';

const EMPTY: TestDraft = { kind: 'status', subject: '200', check: 'equals', expected: '' };

/**
 * Region `Tests`: the tab's tests (written by Save with the request), `Add test`, and after each
 * Send what main found: each test passed or failed, with why. Words and marks, not colour alone.
 */
export function TestsPanel() {
  const tests = useConsoleStore((s) => s.tests);
  const setTests = useConsoleStore((s) => s.setTests);
  const results = useConsoleStore((s) => (s.inFlight ? undefined : s.response?.testResults));
  const error = useConsoleStore((s) => (s.responseError?.code === 'invalid_collection_field' ? s.responseError.message : null));
  const [adding, setAdding] = useState(false);
  const [draft, setDraft] = useState<TestDraft>(EMPTY);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();

  function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const made = testFromDraft(draft);
    if ('error' in made) {
      setProblem(made.error);
      return;
    }
    setTests([...tests, made.test]);
    setProblem(null);
    setAdding(false);
    setDraft(EMPTY);
  }

  const passed = results?.filter((r) => r.result === 'passed').length ?? 0;
  const needsSubject = draft.kind !== 'schema';
  const subjectLabel = draft.kind === 'status' ? 'Expected status' : draft.kind === 'header' ? 'Header name' : draft.kind === 'jsonpath' ? 'Value at' : 'Milliseconds';
  // Labels avoid the word "path": accessible names match by substring, and the builder has a textbox "Path".
  const hasCheck = draft.kind === 'header' || draft.kind === 'jsonpath';

  return (
    <section role="region" aria-labelledby={`${id}-title`} className="panel tests-panel">
      <h2 id={`${id}-title`}>Tests</h2>
      {tests.length === 0 ? (
        <p className="empty">No tests yet. Add one to check each reply (status, a header, a JSONPath value, the endpoint’s schema, the time).</p>
      ) : (
        <ul className="test-list" aria-label="Tests of this request">
          {tests.map((t, i) => (
            <li key={`${testLabel(t)}-${i}`}>
              <span>{testLabel(t)}</span>{' '}
              <button type="button" aria-label={`Remove test ${testLabel(t)}`} onClick={() => setTests(tests.filter((_, j) => j !== i))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {adding ? (
        <form className="form add-test" onSubmit={add} aria-label="Add test">
          <div className="field">
            <label htmlFor={`${id}-kind`}>Test kind</label>
            <select id={`${id}-kind`} value={draft.kind} onChange={(e) => setDraft({ ...EMPTY, kind: e.target.value as TestKind, subject: e.target.value === 'status' ? '200' : e.target.value === 'duration' ? '1000' : '' })}>
              {(Object.keys(TEST_KIND_LABELS) as TestKind[]).map((k) => (
                <option key={k} value={k}>
                  {TEST_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </div>
          {needsSubject && (
            <div className="field">
              <label htmlFor={`${id}-subject`}>{subjectLabel}</label>
              <input id={`${id}-subject`} type="text" spellCheck={false} value={draft.subject} placeholder={draft.kind === 'jsonpath' ? 'a JSONPath, such as $.id' : undefined} onChange={(e) => setDraft({ ...draft, subject: e.target.value })} />
            </div>
          )}
          {hasCheck && (
            <div className="field">
              <label htmlFor={`${id}-check`}>Check</label>
              <select id={`${id}-check`} value={draft.check} onChange={(e) => setDraft({ ...draft, check: e.target.value as TestCheck })}>
                <option value="equals">equals</option>
                <option value="matches">matches (regular expression)</option>
                <option value="exists">exists</option>
              </select>
            </div>
          )}
          {hasCheck && draft.check !== 'exists' && (
            <div className="field">
              <label htmlFor={`${id}-expected`}>{draft.check === 'matches' ? 'Pattern' : 'Expected value'}</label>
              <input id={`${id}-expected`} type="text" spellCheck={false} value={draft.expected} onChange={(e) => setDraft({ ...draft, expected: e.target.value })} />
            </div>
          )}
          {problem && (
            <p role="alert" className="form-error">
              {problem}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="primary">
              Add
            </button>
            <button type="button" onClick={() => (setAdding(false), setProblem(null))}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <p>
          <button type="button" onClick={() => setAdding(true)}>
            Add test
          </button>
        </p>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {results && results.length > 0 && (
        <>
          <h3 role="status">
            {passed} of {results.length} {results.length === 1 ? 'test' : 'tests'} passed
          </h3>
          <ul className="test-results" aria-label="Test results">
            {results.map((r, i) => (
              <li key={`${r.label}-${i}`} className={`test-${r.result}`}>
                <span className="test-mark" aria-hidden="true">
                  {r.result === 'passed' ? '✓' : '✗'}
                </span>{' '}
                <strong>{r.result === 'passed' ? 'Passed' : r.result === 'failed' ? 'Failed' : 'Could not run'}</strong>: {r.label}
                {r.detail && ` — ${r.detail}`}
              </li>
            ))}
          </ul>
        </>
      )}
      <CapturesEditor />
    </section>
  );
}
