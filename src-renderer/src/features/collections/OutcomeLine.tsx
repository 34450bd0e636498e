/** What the last action of a collection panel did: an error is an alert, anything else a status. */
export type Outcome = { error: boolean; text: string } | null;

export function OutcomeLine({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null;
  return (
    <p role={outcome.error ? 'alert' : 'status'} className={outcome.error ? 'form-error' : 'hint'}>
      {outcome.text}
    </p>
  );
}
