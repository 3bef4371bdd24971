import { useId, type ReactNode } from 'react';
import {
  Input,
  Label,
  Select,
  Textarea,
  ValidationMessage,
  type InputProps,
  type SelectProps,
  type TextareaProps,
} from '@digdir/designsystemet-react';

/*
 * Designsystemet's Field renders a <ds-field> custom element whose package registers every
 * custom element it has (~25 KB gzip). These wrappers use the same ds-* classes on plain
 * elements and link label, description and error themselves, so the first screen stays small.
 */

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list === '' ? undefined : list;
}

type RadioProps = Omit<InputProps, 'type' | 'size'> & {
  label: ReactNode;
  className?: string;
};

export function RadioOption({ label, className, id, ...rest }: RadioProps) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <div className={`ds-field${className ? ` ${className}` : ''}`}>
      <Input type="radio" id={inputId} {...rest} />
      <Label htmlFor={inputId} weight="regular">
        {label}
      </Label>
    </div>
  );
}

interface SharedTextProps {
  label: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
  id?: string | undefined;
  /** The wrapper's class; `ds-field` unless given. */
  className?: string | undefined;
}

/**
 * A labelled field: label, optional description and error, and the control (given by `render`)
 * tied to them by id and aria-describedby.
 */
function Field({
  label,
  description,
  error,
  id,
  className = 'ds-field',
  render,
}: SharedTextProps & {
  render: (control: {
    id: string;
    'aria-invalid': true | undefined;
    'aria-describedby': string | undefined;
  }) => ReactNode;
}) {
  const generated = useId();
  const inputId = id ?? generated;
  const descId = `${inputId}-description`;
  const errorId = `${inputId}-error`;
  return (
    <div className={className}>
      <Label htmlFor={inputId}>{label}</Label>
      {description && (
        <div data-field="description" id={descId}>
          {description}
        </div>
      )}
      {render({
        id: inputId,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy(
          description !== undefined && descId,
          Boolean(error) && errorId,
        ),
      })}
      {error && <ValidationMessage id={errorId}>{error}</ValidationMessage>}
    </div>
  );
}

/** A field's props split into what Field takes and what goes on to the control. */
function splitField<P extends SharedTextProps>({
  label,
  description,
  error,
  id,
  className,
  ...control
}: P) {
  return [{ label, description, error, id, className }, control] as const;
}

export function TextField(props: SharedTextProps & Omit<InputProps, 'size' | 'id' | 'className'>) {
  const [field, rest] = splitField(props);
  return <Field {...field} render={(control) => <Input {...control} {...rest} />} />;
}

export function TextAreaField(props: SharedTextProps & Omit<TextareaProps, 'id' | 'className'>) {
  const [field, rest] = splitField(props);
  return <Field {...field} render={(control) => <Textarea {...control} {...rest} />} />;
}

/** One choice in a SelectField: the value it sets and the text it shows. */
export interface Choice {
  value: string;
  label: string;
}

/**
 * A labelled native select. `empty`, when given, is the text of a first choice with the value ''
 * (none chosen, or any); `choices` follow in their order.
 */
export function SelectField(
  props: SharedTextProps &
    Omit<SelectProps, 'id' | 'className' | 'children'> & {
      empty?: string;
      choices: readonly Choice[];
    },
) {
  const [field, { empty, choices, ...rest }] = splitField(props);
  return (
    <Field
      {...field}
      render={(control) => (
        <Select {...control} {...rest}>
          {empty !== undefined && <option value="">{empty}</option>}
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </Select>
      )}
    />
  );
}

/**
 * A file input for one file, behind a label that looks like a button. `onFile` gets the chosen
 * file; the input is emptied, so choosing the same file again is seen too.
 */
export function FilePicker({
  label,
  accept,
  onFile,
}: {
  label: ReactNode;
  accept: string;
  onFile: (file: File) => void;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="file-label">
        {label}
      </label>
      <input
        id={id}
        type="file"
        accept={accept}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}

/** Native <details> with Designsystemet's look; `onToggle` hears it open and close. */
export function Disclosure({
  summary,
  children,
  onToggle,
}: {
  summary: ReactNode;
  children: ReactNode;
  onToggle?: (open: boolean) => void;
}) {
  return (
    <details className="ds-details" onToggle={onToggle && ((e) => onToggle(e.currentTarget.open))}>
      <summary>{summary}</summary>
      <div>{children}</div>
    </details>
  );
}
