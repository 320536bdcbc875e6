// Labelled form controls. Every control has a <label>; a hint and an inline error are tied
// to it with aria-describedby, and the error carries data-testid="error-<control id>".

import type { ReactNode, Ref } from 'react';

interface FieldFrame {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  /** The inline message; null or undefined when the value is fine. */
  readonly problem?: string | null | undefined;
}

function describedBy({ id, hint, problem }: FieldFrame): string | undefined {
  const ids = [hint ? `${id}-hint` : null, problem ? `${id}-error` : null].filter((x) => x !== null);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Frame({ frame, children }: { frame: FieldFrame; children: ReactNode }) {
  return (
    <div className={frame.problem ? 'field field-invalid' : 'field'}>
      <label htmlFor={frame.id}>{frame.label}</label>
      {children}
      {frame.hint ? (
        <p id={`${frame.id}-hint`} className="field-hint">
          {frame.hint}
        </p>
      ) : null}
      <FieldError id={`${frame.id}-error`} testId={`error-${frame.id}`} text={frame.problem} />
    </div>
  );
}

export function FieldError({ id, testId, text }: { id: string; testId: string; text: string | null | undefined }) {
  if (!text) return null;
  return (
    <p id={id} className="field-error" data-testid={testId}>
      {text}
    </p>
  );
}

export interface TextFieldProps extends FieldFrame {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly onBlur?: () => void;
  readonly type?: 'text' | 'password';
  readonly inputMode?: 'text' | 'numeric' | 'decimal';
  readonly autoComplete?: string;
  readonly placeholder?: string;
  readonly required?: boolean;
  readonly readOnly?: boolean;
  readonly inputRef?: Ref<HTMLInputElement>;
}

export function TextField(props: TextFieldProps) {
  return (
    <Frame frame={props}>
      <input
        id={props.id}
        ref={props.inputRef}
        type={props.type ?? 'text'}
        value={props.value}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete ?? 'off'}
        placeholder={props.placeholder}
        required={props.required}
        readOnly={props.readOnly}
        spellCheck={false}
        autoCapitalize="off"
        aria-invalid={props.problem ? true : undefined}
        aria-describedby={describedBy(props)}
        onChange={(e) => props.onChange(e.target.value)}
        onBlur={props.onBlur}
      />
    </Frame>
  );
}

export interface SelectFieldProps<T extends string> extends FieldFrame {
  readonly value: T;
  readonly options: readonly { readonly value: T; readonly label: string }[];
  readonly onChange: (value: T) => void;
}

export function SelectField<T extends string>(props: SelectFieldProps<T>) {
  return (
    <Frame frame={props}>
      <select
        id={props.id}
        value={props.value}
        aria-invalid={props.problem ? true : undefined}
        aria-describedby={describedBy(props)}
        onChange={(e) => {
          const chosen = props.options.find((o) => o.value === e.target.value);
          if (chosen) props.onChange(chosen.value);
        }}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

export interface CheckboxFieldProps {
  readonly id: string;
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly hint?: string;
}

export function CheckboxField({ id, label, checked, onChange, hint }: CheckboxFieldProps) {
  return (
    <div className="field field-checkbox">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export interface SubmitButtonProps {
  readonly label: string;
  readonly disabled?: boolean;
}

/**
 * A form's submit button. Pressing it with the mouse does not take the focus: otherwise the
 * field being left would show its inline error on blur, push the button down between
 * mousedown and mouseup, and the click would miss. The submit then judges every field.
 */
export function SubmitButton({ label, disabled = false }: SubmitButtonProps) {
  return (
    <button type="submit" className="button-primary" disabled={disabled} onMouseDown={(e) => e.preventDefault()}>
      {label}
    </button>
  );
}
