import type { KeyUsageView } from '../../../../src-preload/contract';

interface KeyUsageChartProps {
  usage: KeyUsageView;
}

const WIDTH = 600;
const HEIGHT = 120;
const GAP = 2;

/** "1 Dec" from YYYY-MM-DD, read as a local date. */
function dayLabel(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y!, m! - 1, d!).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

/**
 * Requests per day over the last 30 days as bars (errors in a second colour, stacked at the
 * foot of each bar), with the same numbers in a table for screen readers and for anyone who
 * wants the figures: the picture is never the only way to read them.
 */
export function KeyUsageChart({ usage }: KeyUsageChartProps) {
  const max = Math.max(1, ...usage.days.map((d) => d.requests));
  const bar = WIDTH / usage.days.length;
  return (
    <div className="usage-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + 16}`} role="img" aria-hidden="true" focusable="false" preserveAspectRatio="none">
        {usage.days.map((day, i) => {
          const h = (day.requests / max) * HEIGHT;
          const e = (day.errors / max) * HEIGHT;
          return (
            <g key={day.date}>
              <title>{`${dayLabel(day.date)}: ${day.requests} requests, ${day.errors} errors, ${day.rateLimited} × 429`}</title>
              <rect className="usage-bar" x={i * bar + GAP / 2} y={HEIGHT - h} width={bar - GAP} height={h} />
              {e > 0 && <rect className="usage-bar-error" x={i * bar + GAP / 2} y={HEIGHT - e} width={bar - GAP} height={e} />}
            </g>
          );
        })}
        <line className="usage-axis" x1={0} x2={WIDTH} y1={HEIGHT + 0.5} y2={HEIGHT + 0.5} />
        <text className="usage-axis-label" x={0} y={HEIGHT + 14}>
          {dayLabel(usage.days[0]!.date)}
        </text>
        <text className="usage-axis-label" x={WIDTH} y={HEIGHT + 14} textAnchor="end">
          Today
        </text>
      </svg>
      <p className="usage-legend hint">
        <span className="usage-swatch" aria-hidden="true" /> requests <span className="usage-swatch usage-swatch-error" aria-hidden="true" /> errors (429s
        included); most in a day: {max}
      </p>
      <details className="usage-table">
        <summary>Show the figures</summary>
        <table className="data-table">
          <caption className="visually-hidden">Requests per day</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Requests</th>
              <th scope="col">Errors</th>
              <th scope="col">429</th>
            </tr>
          </thead>
          <tbody>
            {[...usage.days].reverse().map((day) => (
              <tr key={day.date}>
                <th scope="row">{dayLabel(day.date)}</th>
                <td>{day.requests}</td>
                <td>{day.errors}</td>
                <td>{day.rateLimited}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
