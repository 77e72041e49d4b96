// A row of buttons of which one is pressed: picks one of a few values, such as a report's period or
// the members a list shows.
export function Segmented<T extends string>({
  label,
  options,
  value,
  onValue,
}: {
  /** What the buttons pick, for screen readers ("Period"). */
  label: string;
  /** The values (value: the button's text, in order), as for a SelectField. */
  options: Record<T, string>;
  value: T;
  onValue: (value: T) => void;
}) {
  return (
    <div className="segmented" role="group" aria-label={label}>
      {(Object.entries(options) as [T, string][]).map(([option, text]) => (
        <button
          key={option}
          type="button"
          className={`btn ${option === value ? "btn-primary" : "btn-secondary"}`}
          aria-pressed={option === value}
          onClick={() => onValue(option)}
        >
          {text}
        </button>
      ))}
    </div>
  );
}
