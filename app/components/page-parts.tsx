import { useTranslation } from "react-i18next";
import { Notice } from "~/components/form";

// Client-safe pieces of the profile pages (candidate and coach). No server imports here (see STYLE.md).

/** A page section with its heading, its "saved" notice and its own error. */
export function Section({
  id,
  title,
  intro,
  saved,
  error,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  saved?: boolean;
  error?: string | null;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="scroll-mt-4 rounded-lg bg-white p-4 shadow-sm">
      <h2 id={`${id}-heading`} className="mb-2 text-lg font-semibold">
        {title}
      </h2>
      {intro ? <p className="mb-3 text-sm text-slate-700">{intro}</p> : null}
      {saved ? <Notice>{t("profile:saved")}</Notice> : null}
      {error ? <Notice tone="error">{t(error)}</Notice> : null}
      {children}
    </section>
  );
}

/** A select outside conform (rows of existing items), still labelled. */
export function PlainSelect({
  id,
  name,
  label,
  defaultValue,
  options,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue: string;
  options: ReadonlyArray<{ value: string; label: string }>;
}) {
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <label htmlFor={id} className="text-sm">
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultValue} className="rounded border border-slate-400 bg-white px-2 py-1">
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </span>
  );
}

export function SmallButton({
  children,
  name = "intent",
  value,
  tone = "neutral",
}: {
  children: React.ReactNode;
  name?: string;
  value: string;
  tone?: "neutral" | "danger" | "primary";
}) {
  const tones = {
    neutral: "border-slate-400 hover:bg-slate-100",
    danger: "border-red-700 text-red-800 hover:bg-red-50",
    primary: "border-brand-700 bg-brand-700 text-white hover:bg-brand-900",
  } as const;
  return (
    <button type="submit" name={name} value={value} className={`rounded border px-3 py-1 text-sm ${tones[tone]}`}>
      {children}
    </button>
  );
}

/** The completeness bar and what to do next, each item a link to its section. */
export function CompletenessMeter({
  percent,
  missing,
}: {
  percent: number;
  missing: ReadonlyArray<{ key: string; section: string }>;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="completeness-heading" className="rounded-lg bg-white p-4 shadow-sm">
      <h2 id="completeness-heading" className="mb-2 text-lg font-semibold">
        {t("profile:completeness.title")}
      </h2>
      <label htmlFor="completeness-bar" className="mb-1 block">
        {t("profile:completeness.summary", { percent })}
      </label>
      <progress
        id="completeness-bar"
        max={100}
        value={percent}
        className="h-3 w-full overflow-hidden rounded bg-slate-200 [&::-moz-progress-bar]:bg-brand-700 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-brand-700"
      >
        {percent}%
      </progress>
      {missing.length ? (
        <>
          <p className="mt-3 font-medium">{t("profile:completeness.missing_intro")}</p>
          <ul className="mt-1 list-disc space-y-1 ps-6">
            {missing.map((item) => (
              <li key={item.key}>
                <a href={`#${item.section}`} className="text-brand-700 underline">
                  {t(item.key)}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="mt-3">{t("profile:completeness.done")}</p>
      )}
    </section>
  );
}

/** A plain GET form: the results come back with the page, so adding a skill works without JavaScript. */
export function SkillSearchForm({ action, query }: { action: string; query: string }) {
  const { t } = useTranslation();
  return (
    <form method="get" action={action} role="search" className="mb-3 rounded border border-slate-200 p-3">
      <label htmlFor="skill-search" className="mb-1 block font-medium">
        {t("profile:skills.search_label")}
      </label>
      <p id="skill-search-hint" className="mb-1 text-sm text-slate-600">
        {t("profile:skills.search_hint")}
      </p>
      <div className="flex flex-wrap gap-2">
        <input
          id="skill-search"
          type="search"
          name="q"
          defaultValue={query}
          minLength={2}
          maxLength={100}
          aria-describedby="skill-search-hint"
          className="min-w-0 flex-1 rounded border border-slate-400 bg-white px-3 py-2"
        />
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900">
          {t("profile:skills.search_button")}
        </button>
      </div>
    </form>
  );
}
