import { useId, type ReactNode } from 'react';

/**
 * One labelled value in a <dl>. The <dd> is labelled by its <dt> (aria-labelledby), so tests and
 * assistive tech can find the value by its label, e.g. getByLabel('Remaining').
 */
export function Metric({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <div className={className ? `metric ${className}` : 'metric'}>
      <dt id={id}>{label}</dt>
      <dd aria-labelledby={id}>{children}</dd>
    </div>
  );
}
