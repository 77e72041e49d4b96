// A small SVG line chart for daily series: one line per series, a y-axis with its maximum, and the first
// and last dates. The figures are also given as a table for screen readers.
export type Series = {
  label: string;
  colour: string;
  values: number[];
  /** An SVG dash pattern: a line drawn over another with equal values lets it show through. */
  dash?: string;
};

/** A line read off each row of a table: what `seriesOf` makes a Series of. */
export type Line<Row> = Omit<Series, "values"> & { value: (row: Row) => number };

/** One Series per line, each with a value per row. */
export function seriesOf<Row>(rows: Row[], lines: Line<Row>[]): Series[] {
  return lines.map(({ value, ...line }) => ({ ...line, values: rows.map(value) }));
}

const W = 640;
const H = 200;
const PAD = { left: 36, right: 12, top: 12, bottom: 28 };

export function LineChart({
  dates,
  series,
  title,
  legend = "sum",
}: {
  dates: string[];
  series: Series[];
  title: string;
  /** What the legend gives beside each label: the period's total, or the last value (a level, e.g. MRR). */
  legend?: "sum" | "last";
}) {
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const n = Math.max(1, dates.length - 1);
  const x = (i: number) => PAD.left + (i / n) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - (v / max) * (H - PAD.top - PAD.bottom);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={H - PAD.bottom}
          y2={H - PAD.bottom}
          className="axis"
        />
        <line x1={PAD.left} x2={W - PAD.right} y1={PAD.top} y2={PAD.top} className="gridline" />
        <text x={PAD.left - 6} y={PAD.top + 4} textAnchor="end" className="tick">
          {max}
        </text>
        <text x={PAD.left - 6} y={H - PAD.bottom + 4} textAnchor="end" className="tick">
          0
        </text>
        {dates.length > 0 && (
          <>
            <text x={PAD.left} y={H - 8} className="tick">
              {dates[0]}
            </text>
            <text x={W - PAD.right} y={H - 8} textAnchor="end" className="tick">
              {dates.at(-1)}
            </text>
          </>
        )}
        {series.map((s) => (
          <polyline
            key={s.label}
            fill="none"
            stroke={s.colour}
            strokeWidth={2.5}
            strokeDasharray={s.dash}
            strokeLinejoin="round"
            points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(" ")}
          />
        ))}
      </svg>
      <figcaption className="legend">
        {series.map((s) => (
          <span key={s.label}>
            <svg className="swatch" viewBox="0 0 16 4" aria-hidden="true">
              <line
                x1="0"
                x2="16"
                y1="2"
                y2="2"
                stroke={s.colour}
                strokeWidth={4}
                strokeDasharray={s.dash}
              />
            </svg>{" "}
            {s.label} (
            {legend === "last" ? (s.values.at(-1) ?? 0) : s.values.reduce((a, b) => a + b, 0)})
          </span>
        ))}
      </figcaption>
      {/* Wrapped: a table grows to fit its rows whatever height it is given, so it cannot be hidden itself. */}
      <div className="visually-hidden">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              {series.map((s) => (
                <th key={s.label} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {dates.map((d, i) => (
              <tr key={d}>
                <th scope="row">{d}</th>
                {series.map((s) => (
                  <td key={s.label}>{s.values[i] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
