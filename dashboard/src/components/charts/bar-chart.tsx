// Horizontal bars for histograms, top lists and splits: each bar a small SVG scaled to the largest value,
// with its label and value as text beside it, so they stay readable at any width.
export type Bar = { label: string; value: number };

export function BarChart({
  bars,
  title,
  colour = "#0f766e",
  unit = "",
}: {
  bars: Bar[];
  title: string;
  colour?: string;
  unit?: string;
}) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <figure className="chart">
      <ul className="bars" aria-label={title}>
        {bars.map((bar, i) => (
          <li key={`${bar.label}-${i}`} className="bar-row">
            <span className="bar-label" title={bar.label}>
              {bar.label}
            </span>
            <svg
              className="bar-track"
              viewBox="0 0 100 10"
              preserveAspectRatio="none"
              aria-hidden="true"
            >
              <rect
                x={0}
                y={0}
                height={10}
                width={bar.value > 0 ? Math.max(1, (100 * bar.value) / max) : 0}
                fill={colour}
              />
            </svg>
            <span className="bar-value">
              {bar.value}
              {unit}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
