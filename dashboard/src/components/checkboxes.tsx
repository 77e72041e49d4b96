// Checkboxes with their text inside the label, alone or as a group that picks several values of a list.
import type { ReactNode } from "react";

export function CheckLabel({
  checked,
  onChecked,
  children,
}: {
  checked: boolean;
  onChecked: (checked: boolean) => void;
  children: ReactNode;
}) {
  return (
    <label className="check-label">
      <input type="checkbox" checked={checked} onChange={(e) => onChecked(e.target.checked)} />{" "}
      {children}
    </label>
  );
}

/**
 * A fieldset of the `options` (value: label, in order, as for a SelectField), each shown with its value
 * in code; `selected` holds the checked ones.
 */
export function CheckboxGroup({
  legend,
  options,
  selected,
  onSelected,
}: {
  legend: string;
  options: Record<string, string>;
  selected: string[];
  onSelected: (update: (selected: string[]) => string[]) => void;
}) {
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {Object.entries(options).map(([value, label]) => (
        <CheckLabel
          key={value}
          checked={selected.includes(value)}
          onChecked={(checked) =>
            onSelected((list) => (checked ? [...list, value] : list.filter((x) => x !== value)))
          }
        >
          {label} <code className="small">{value}</code>
        </CheckLabel>
      ))}
    </fieldset>
  );
}
