import { getInputProps, type FieldMetadata } from "@conform-to/react";
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

export function TextField({
  meta,
  label,
  type = "text",
  autoComplete,
  hint,
}: {
  meta: FieldMetadata<string>;
  label: string;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  hint?: string;
}) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const inputProps = getInputProps(meta, { type, ariaDescribedBy: hintId });
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
      <input
        {...inputProps}
        key={inputProps.key}
        autoComplete={autoComplete}
        className="w-full rounded border border-slate-400 bg-white px-3 py-2 text-base aria-[invalid]:border-red-700"
      />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
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
