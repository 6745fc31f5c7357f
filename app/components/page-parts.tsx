import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { HarborLabelMark } from "~/components/esco-attribution";
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

export interface SkillSearchResult {
  uri: string;
  label: string;
  /** The label's language, when it is not the reader's. */
  lang?: string;
  /** The label the search matched, when it is not the one shown. */
  matchedLabel?: string | null;
  harbor: boolean;
  owned: boolean;
}

/**
 * Skill search as plain forms: a GET form whose results come back with the page, each with a POST
 * form that adds it (`intent` names the action; `fields` adds inputs such as a level), so adding a
 * skill works without JavaScript.
 */
export function SkillSearch({
  action,
  search,
  intent,
  fields,
}: {
  action: string;
  search: { query: string; results: readonly SkillSearchResult[] };
  intent: string;
  fields?: (result: SkillSearchResult, index: number) => React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
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
            defaultValue={search.query}
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
      {search.query.length >= 2 ? (
        <div aria-live="polite">
          <h3 className="mb-2 font-medium">{t("profile:skills.results", { query: search.query })}</h3>
          {search.results.length === 0 ? (
            <p>{t("profile:skills.no_results")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {search.results.map((result, index) => (
                <li key={result.uri} className="py-2">
                  <Form method="post" className="flex flex-wrap items-center gap-3">
                    <span className="min-w-40">
                      <span className="font-medium" lang={result.lang}>
                        {result.label}
                      </span>
                      {result.harbor ? <HarborLabelMark /> : null}
                      {result.matchedLabel && result.matchedLabel !== result.label ? (
                        <span className="block text-sm text-slate-600">{t("profile:skills.matched", { label: result.matchedLabel })}</span>
                      ) : null}
                    </span>
                    {result.owned ? (
                      <span className="text-sm text-slate-700">{t("profile:skills.already_added")}</span>
                    ) : (
                      <>
                        <input type="hidden" name="uri" value={result.uri} />
                        <input type="hidden" name="q" value={search.query} />
                        {fields?.(result, index)}
                        <SmallButton value={intent} tone="primary">
                          {t("profile:skills.add_button")}
                          <span className="sr-only">: {result.label}</span>
                        </SmallButton>
                      </>
                    )}
                  </Form>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </>
  );
}
