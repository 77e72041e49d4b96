// Labelled form fields: a label, its control and an optional hint or error under it, read out with the
// control. Field takes any control; the others are its common cases, each handing on the new value.
import {
  useId,
  type ChangeEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type TextareaHTMLAttributes,
} from "react";

/** A label, its control (given the id) and an optional hint or error under it. */
export function Field({
  label,
  hint,
  error,
  wide,
  children,
}: {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  /** Takes both columns of a form grid, for a text too long for one. */
  wide?: boolean;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className={wide ? "field span-2" : "field"}>
      <label htmlFor={id}>{label}</label>
      {children(id, hint || error ? hintId : undefined)}
      {(hint || error) && (
        <p id={hintId} className={error ? "field-error" : "field-hint"}>
          {error ?? hint}
        </p>
      )}
    </div>
  );
}

type ValueFieldProps<T> = {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  wide?: boolean;
  onValue: (value: T) => void;
};

/** What a control gets from its Field: its id, its description and the handler of its value. */
type Control = {
  id: string;
  "aria-describedby": string | undefined;
  onChange: (event: ChangeEvent<{ value: string }>) => void;
};

type Attributes<A> = Omit<A, "id" | "value" | "onChange">;

/** A Field around `control`, given the control's own `attributes` and the Field's Control props. */
function ValueField<T, A>({
  label,
  hint,
  error,
  wide,
  onValue,
  control,
  ...attributes
}: ValueFieldProps<T> & { control: (props: A & Control) => ReactNode } & A) {
  return (
    <Field label={label} hint={hint} error={error} wide={wide}>
      {(id, describedBy) =>
        control({
          ...(attributes as A),
          id,
          "aria-describedby": describedBy,
          onChange: (event) => onValue(event.target.value as T),
        })
      }
    </Field>
  );
}

type TextAttributes = Attributes<InputHTMLAttributes<HTMLInputElement>> & {
  value: string | number;
};

/** A one-line text input. */
export function TextField(props: ValueFieldProps<string> & TextAttributes) {
  return (
    <ValueField<string, TextAttributes> {...props} control={(input) => <input {...input} />} />
  );
}

type TextAreaAttributes = Attributes<TextareaHTMLAttributes<HTMLTextAreaElement>> & {
  value: string;
};

/** A multi-line text. */
export function TextAreaField(props: ValueFieldProps<string> & TextAreaAttributes) {
  return (
    <ValueField<string, TextAreaAttributes>
      {...props}
      control={(textarea) => <textarea {...textarea} />}
    />
  );
}

/** A select of `options` (value: label, in order). */
export function SelectField<T extends string>({
  options,
  ...props
}: ValueFieldProps<T> & { value: T; options: Record<T, string> }) {
  return (
    <ValueField<T, { value: T }>
      {...props}
      control={(select) => (
        <select {...select}>
          {(Object.entries(options) as [T, string][]).map(([option, text]) => (
            <option key={option} value={option}>
              {text}
            </option>
          ))}
        </select>
      )}
    />
  );
}
