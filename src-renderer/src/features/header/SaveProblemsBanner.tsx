import { selectSaveProblems, useConsoleStore } from '../../store';

/** What main could not save, and why, until a retry works: the data is kept in memory meanwhile. */
export function SaveProblemsBanner() {
  const problems = useConsoleStore(selectSaveProblems);
  if (problems.length === 0) return null;
  return (
    <div role="alert" className="banner banner-warning save-problems">
      {problems.map((p) => (
        <p key={p.file}>
          <strong>Not saved.</strong> {p.message}
        </p>
      ))}
    </div>
  );
}
