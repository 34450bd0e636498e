import { useId, type ReactNode } from 'react';

/** A nav destination that is not built yet: says so plainly, and what to use meanwhile. */
export function PlaceholderPage({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="page" aria-labelledby={id}>
      <h1 id={id}>{title}</h1>
      <div className="placeholder">{children}</div>
    </section>
  );
}
