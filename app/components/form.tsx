import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";

/** Shows translated error keys next to the thing they are about. */
export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 text-sm text-red-700" role="alert">
      {errors.map((key) => (
        <li key={key}>{t(key)}</li>
      ))}
    </ul>
  );
}

const inputClass = "w-full rounded border border-slate-400 bg-white px-3 py-2 text-base aria-[invalid]:border-red-700";

/** Label, hint, control and its errors: the frame every form field shares. */
function Field({
  meta,
  label,
  hint,
  children,
}: {
  meta: { id: string; errorId: string; errors?: string[] | null };
  label: string;
  hint?: string;
  children: (hintId: string | undefined) => React.ReactNode;
}) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  return (
    <div className="mb-4">
      <label htmlFor={meta.id} className="mb-1 block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="mb-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children(hintId)}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

type InputType = "text" | "email" | "password" | "tel" | "date" | "month" | "number" | "url";

export function TextField({
  meta,
  label,
  type = "text",
  hint,
  autoComplete,
  inputMode,
  min,
  max,
  dir,
}: {
  meta: FieldMetadata<string | number | undefined | null>;
  label: string;
  type?: InputType;
  hint?: string;
  autoComplete?: string;
  inputMode?: "numeric" | "tel" | "email" | "url" | "text";
  min?: number;
  max?: number;
  /** Phone numbers, addresses and links read left to right in every script. */
  dir?: "ltr" | "auto";
}) {
  return (
    <Field meta={meta} label={label} hint={hint}>
      {(hintId) => {
        const props = getInputProps(meta, { type, ariaDescribedBy: hintId });
        return <input {...props} key={props.key} autoComplete={autoComplete} inputMode={inputMode} min={min} max={max} dir={dir} className={inputClass} />;
      }}
    </Field>
  );
}

export function TextAreaField({ meta, label, hint, rows = 3 }: { meta: FieldMetadata<string | string[] | undefined>; label: string; hint?: string; rows?: number }) {
  return (
    <Field meta={meta} label={label} hint={hint}>
      {(hintId) => {
        const props = getTextareaProps(meta, { ariaDescribedBy: hintId });
        return <textarea {...props} key={props.key} rows={rows} dir="auto" className={inputClass} />;
      }}
    </Field>
  );
}

export function SelectField({
  meta,
  label,
  options,
  placeholder,
  hint,
}: {
  meta: FieldMetadata<string | number | undefined | null>;
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  placeholder?: string;
  hint?: string;
}) {
  return (
    <Field meta={meta} label={label} hint={hint}>
      {(hintId) => {
        const props = getSelectProps(meta, { ariaDescribedBy: hintId });
        return (
          <select {...props} key={props.key} className={inputClass}>
            {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
            {options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        );
      }}
    </Field>
  );
}

export function SubmitButton({ children, name, value }: { children: React.ReactNode; name?: string; value?: string }) {
  return (
    <button
      type="submit"
      name={name}
      value={value}
      className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900"
    >
      {children}
    </button>
  );
}

export function Notice({ children, tone = "info" }: { children: React.ReactNode; tone?: "info" | "error" }) {
  return (
    <p
      role={tone === "error" ? "alert" : "status"}
      className={`mb-4 rounded border p-3 ${tone === "error" ? "border-red-300 bg-red-50 text-red-800" : "border-brand-600 bg-brand-50"}`}
    >
      {children}
    </p>
  );
}
