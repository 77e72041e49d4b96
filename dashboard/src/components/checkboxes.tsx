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

/** A fieldset of the `options`, each shown with its value in code; `selected` holds the checked ones. */
export function CheckboxGroup({
  legend,
  options,
  selected,
  onSelected,
}: {
  legend: string;
  options: { value: string; label: string }[];
  selected: string[];
  onSelected: (update: (selected: string[]) => string[]) => void;
}) {
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {options.map((option) => (
        <CheckLabel
          key={option.value}
          checked={selected.includes(option.value)}
          onChecked={(checked) =>
            onSelected((list) =>
              checked ? [...list, option.value] : list.filter((x) => x !== option.value),
            )
          }
        >
          {option.label} <code className="small">{option.value}</code>
        </CheckLabel>
      ))}
    </fieldset>
  );
}
