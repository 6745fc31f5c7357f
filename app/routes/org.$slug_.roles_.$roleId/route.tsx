import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { ErrorList, SelectField, SubmitButton, TextAreaField, TextField } from "~/components/form";
import { PlainSelect, Section, SkillSearch, SmallButton } from "~/components/page-parts";
import { EscoAttribution, HarborLabelMark } from "~/components/esco-attribution";
import { CEFR_LABEL_KEYS, CEFR_LEVELS, isCefrLevel, languageName, languageOptions, timeZoneOptions } from "~/domain/profile/languages";
import { ROLE_STATUS_KEYS, ROLE_STATUSES } from "~/domain/slates/decisions";
import { SKILL_LEVEL_KEYS, SKILL_LEVELS } from "~/domain/profile/entries";
import { SKILL_WEIGHTS } from "~/domain/slates/types";
import { LANGUAGE_NATIVE_NAMES, SUPPORTED_LANGUAGES } from "~/i18n/config";
import { i18next } from "~/i18n/i18next.server";
import { createRole, findRole, removeRoleLanguage, removeRoleSkill, saveRoleLanguage, saveRoleSkill, updateRole } from "~/models/roles.server";
import { DEFAULT_SLATE_SIZE, generateSlate, listSlates } from "~/models/slates.server";
import { searchResult, searchSkills } from "~/models/taxonomy.server";
import { requireOrganisationPermission } from "~/utils/auth.server";
import type { RouteHandle } from "~/utils/route-handle";
import { BALANCE_OPTIONS, RoleActionSchema, type RoleBasicsSchema, SLATE_SIZES } from "./schema";

export const handle: RouteHandle = {
  title: (t, data) => (data as { role?: { title: string } | null } | undefined)?.role?.title ?? t("slates:role.new_title"),
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, params.slug, "role.manage", "employer");
  const locale = await i18next.getLocale(request);
  const url = new URL(request.url);
  const isNew = params.roleId === "new";
  const role = isNew ? null : await findRole(organisation.id, params.roleId ?? "", locale);
  if (!isNew && !role) throw new Response("Not found", { status: 404 });
  const query = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const [results, slates] = await Promise.all([role && query.length >= 2 ? searchSkills({ query, language: locale, limit: 10 }) : [], role ? listSlates(organisation.id, role.id) : []]);
  const owned = new Set(role?.skills.map((s) => s.conceptUri) ?? []);
  return {
    organisation,
    role: role ? { ...role, languages: role.languages.map((l) => ({ ...l, name: languageName(l.code, locale) })) } : null,
    search: { query, results: results.map((r) => searchResult(r, locale, owned)) },
    languageOptions: languageOptions(locale),
    timeZones: timeZoneOptions(),
    slates,
    saved: url.searchParams.get("saved"),
  };
}

const SECTION = { basics: "basics", skill_add: "skills", skill_remove: "skills", language_add: "languages", language_remove: "languages", generate: "generate" } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organisation } = await requireOrganisationPermission(request, params.slug, "role.manage", "employer");
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: RoleActionSchema, disableAutoCoercion: true });
  if (submission.status !== "success") {
    const basics = formData.get("intent") === "basics";
    return data({ result: basics ? submission.reply() : null, error: basics ? null : "slates:role.invalid_value", section: basics ? "basics" : null }, { status: 400 });
  }
  const input = submission.value;
  const base = `/org/${organisation.slug}/roles`;
  const failed = (error: string, section: string, status = 400) => data({ result: null, error, section }, { status });

  if (input.intent === "basics") {
    const { intent: _intent, ...basics } = input;
    if (params.roleId === "new") {
      const roleId = await createRole(organisation.id, user.userId, basics);
      return redirect(`${base}/${roleId}?saved=basics#skills`, 303);
    }
    if (!(await updateRole(organisation.id, params.roleId ?? "", user.userId, basics))) throw new Response("Not found", { status: 404 });
  } else {
    const roleId = params.roleId ?? "";
    switch (input.intent) {
      case "skill_add": {
        const result = await saveRoleSkill(organisation.id, roleId, input);
        if (result.status === "not_found") throw new Response("Not found", { status: 404 });
        if (result.status === "unknown_skill") return failed("profile:skills.unknown", "skills");
        if (result.status === "too_many") return failed("slates:role.too_many_skills", "skills");
        break;
      }
      case "skill_remove":
        await removeRoleSkill(organisation.id, roleId, input.uri);
        break;
      case "language_add":
        if (!(await saveRoleLanguage(organisation.id, roleId, { code: input.code, minLevel: input.minLevel }))) throw new Response("Not found", { status: 404 });
        break;
      case "language_remove":
        await removeRoleLanguage(organisation.id, roleId, input.code);
        break;
      case "generate": {
        const result = await generateSlate({ actorUserId: user.userId, organisationId: organisation.id, roleId, size: input.size, balanceShare: input.balance });
        if (result.status === "not_found") throw new Response("Not found", { status: 404 });
        if (result.status === "not_open") return failed("slates:role.not_open", "generate");
        if (result.status === "no_skills") return failed("slates:role.no_skills", "generate");
        return redirect(`/org/${organisation.slug}/slates/${result.slateId}`, 303);
      }
    }
  }
  const section = SECTION[input.intent];
  return redirect(`${base}/${params.roleId}?saved=${section}#${section}`, 303);
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function RolePage() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { organisation, role, saved } = page;
  const errorIn = (section: string) => (actionData?.section === section ? actionData.error : null);
  return (
    <div className="space-y-4">
      <p>
        <Link to={`/org/${organisation.slug}/roles`} className="text-brand-700 underline">
          {t("slates:role.back")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{role?.title ?? t("slates:role.new_title")}</h1>
      <BasicsSection page={page} lastResult={actionData?.section === "basics" ? actionData.result : null} saved={saved === "basics"} />
      {role ? (
        <>
          <SkillsSection page={page} saved={saved === "skills"} error={errorIn("skills")} />
          <LanguagesSection page={page} saved={saved === "languages"} />
          <GenerateSection page={page} error={errorIn("generate")} />
        </>
      ) : null}
    </div>
  );
}

/** The basics form as the browser sends it: every field a string. */
type BasicsForm = Record<keyof z.input<typeof RoleBasicsSchema>, string>;

function BasicsSection({ page, lastResult, saved }: { page: LoaderData; lastResult: SubmissionResult<string[]> | null | undefined; saved: boolean }) {
  const { t } = useTranslation();
  const { role } = page;
  const [form, fields] = useForm<BasicsForm>({
    id: "role-basics",
    lastResult,
    defaultValue: role
      ? {
          title: role.title,
          description: role.description,
          language: role.language,
          status: role.status,
          timeZone: role.timeZone,
          minOverlapHours: String(role.minOverlapHours),
          hoursPerWeek: String(role.hoursPerWeek),
          durationWeeks: role.durationWeeks === null ? "" : String(role.durationWeeks),
          budgetPerHour: role.budgetPerHour === null ? "" : String(role.budgetPerHour),
          currency: role.currency,
          countries: role.countries.join(" "),
        }
      : { language: "en", status: "open", timeZone: "Europe/Berlin", minOverlapHours: "2", hoursPerWeek: "20", currency: "EUR" },
  });
  return (
    <Section id="basics" title={t("slates:role.basics")} saved={saved}>
      <Form method="post" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <TextField meta={fields.title} label={t("slates:role.field_title")} />
        <TextAreaField meta={fields.description} label={t("slates:role.description")} rows={5} />
        <SelectField meta={fields.language} label={t("slates:role.language")} options={SUPPORTED_LANGUAGES.map((lng) => ({ value: lng, label: LANGUAGE_NATIVE_NAMES[lng] }))} />
        <SelectField meta={fields.status} label={t("slates:role.status")} options={ROLE_STATUSES.map((s) => ({ value: s, label: t(ROLE_STATUS_KEYS[s]) }))} />
        <SelectField meta={fields.timeZone} label={t("slates:role.time_zone")} options={page.timeZones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }))} />
        <TextField meta={fields.minOverlapHours} label={t("slates:role.overlap")} hint={t("slates:role.overlap_hint")} type="number" inputMode="numeric" min={0} max={8} />
        <TextField meta={fields.hoursPerWeek} label={t("slates:role.hours")} hint={t("slates:role.hours_hint")} type="number" inputMode="numeric" min={1} max={60} />
        <TextField meta={fields.durationWeeks} label={t("slates:role.duration")} type="number" inputMode="numeric" min={1} max={260} />
        <TextField meta={fields.budgetPerHour} label={t("slates:role.budget")} type="number" inputMode="numeric" min={1} />
        <TextField meta={fields.currency} label={t("slates:role.currency")} dir="ltr" />
        <TextField meta={fields.countries} label={t("slates:role.countries")} dir="ltr" />
        <SubmitButton name="intent" value="basics">
          {page.role ? t("slates:role.save") : t("slates:role.create")}
        </SubmitButton>
      </Form>
    </Section>
  );
}

function SkillsSection({ page, saved, error }: { page: LoaderData; saved: boolean; error: string | null }) {
  const { t } = useTranslation();
  const role = page.role;
  if (!role) return null;
  const levels = SKILL_LEVELS.map((level) => ({ value: String(level), label: t(SKILL_LEVEL_KEYS[level]) }));
  const weights = SKILL_WEIGHTS.map((weight) => ({ value: String(weight), label: String(weight) }));
  const required = [
    { value: "yes", label: t("slates:role.skill_required") },
    { value: "no", label: t("slates:role.skill_nice") },
  ];
  return (
    <Section id="skills" title={t("slates:role.skills")} intro={t("slates:role.skills_intro")} saved={saved} error={error}>
      {role.skills.length === 0 ? <p className="mb-3">{t("slates:role.no_skills")}</p> : null}
      <ul className="mb-3 divide-y divide-slate-100">
        {role.skills.map((skill, i) => (
          <li key={skill.conceptUri} className="py-2">
            <Form method="post" className="flex flex-wrap items-center gap-3">
              <span className="min-w-40 font-medium">
                {skill.label}
                {skill.harbor ? <HarborLabelMark /> : null}
              </span>
              <input type="hidden" name="uri" value={skill.conceptUri} />
              <PlainSelect id={`skill-weight-${i}`} name="weight" label={t("slates:role.skill_weight")} defaultValue={String(skill.weight)} options={weights} />
              <PlainSelect id={`skill-level-${i}`} name="minLevel" label={t("slates:role.skill_min_level")} defaultValue={String(skill.minLevel)} options={levels} />
              <PlainSelect id={`skill-required-${i}`} name="required" label={t("slates:role.skill_required")} defaultValue={skill.required ? "yes" : "no"} options={required} />
              <SmallButton value="skill_add">{t("slates:role.skill_update")}</SmallButton>
              <SmallButton value="skill_remove" tone="danger">
                {t("slates:role.skill_remove")}
              </SmallButton>
            </Form>
          </li>
        ))}
      </ul>
      <SkillSearch
        action={`/org/${page.organisation.slug}/roles/${role.id}#skills`}
        search={page.search}
        intent="skill_add"
        fields={(_result, i) => (
          <>
            <PlainSelect id={`add-weight-${i}`} name="weight" label={t("slates:role.skill_weight")} defaultValue="3" options={weights} />
            <PlainSelect id={`add-level-${i}`} name="minLevel" label={t("slates:role.skill_min_level")} defaultValue="3" options={levels} />
            <PlainSelect id={`add-required-${i}`} name="required" label={t("slates:role.skill_required")} defaultValue="yes" options={required} />
          </>
        )}
      />
      <EscoAttribution />
    </Section>
  );
}

function LanguagesSection({ page, saved }: { page: LoaderData; saved: boolean }) {
  const { t } = useTranslation();
  const role = page.role;
  if (!role) return null;
  const levels = CEFR_LEVELS.map((level) => ({ value: level, label: t(CEFR_LABEL_KEYS[level]) }));
  return (
    <Section id="languages" title={t("slates:role.languages")} intro={t("slates:role.languages_intro")} saved={saved}>
      {role.languages.length === 0 ? <p className="mb-3">{t("slates:role.no_languages")}</p> : null}
      <ul className="mb-3 divide-y divide-slate-100">
        {role.languages.map((language) => (
          <li key={language.code} className="py-2">
            <Form method="post" className="flex flex-wrap items-center gap-3">
              <span className="min-w-32 font-medium">{language.name}</span>
              <input type="hidden" name="code" value={language.code} />
              <PlainSelect id={`language-level-${language.code}`} name="minLevel" label={t("slates:role.language_level")} defaultValue={isCefrLevel(language.minLevel) ? language.minLevel : "B2"} options={levels} />
              <SmallButton value="language_add">{t("slates:role.skill_update")}</SmallButton>
              <SmallButton value="language_remove" tone="danger">
                {t("slates:role.language_remove")}
              </SmallButton>
            </Form>
          </li>
        ))}
      </ul>
      <Form method="post" className="flex flex-wrap items-end gap-3">
        <PlainSelect id="new-language" name="code" label={t("slates:role.languages")} defaultValue="en" options={page.languageOptions.map((l) => ({ value: l.code, label: l.name }))} />
        <PlainSelect id="new-language-level" name="minLevel" label={t("slates:role.language_level")} defaultValue="B2" options={levels} />
        <SmallButton value="language_add" tone="primary">
          {t("slates:role.language_add")}
        </SmallButton>
      </Form>
    </Section>
  );
}

function GenerateSection({ page, error }: { page: LoaderData; error: string | null }) {
  const { t, i18n } = useTranslation();
  const role = page.role;
  if (!role) return null;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" });
  return (
    <Section id="generate" title={t("slates:role.generate")} intro={t("slates:role.generate_intro")} error={error}>
      <Form method="post" className="mb-4 flex flex-wrap items-end gap-3">
        <PlainSelect id="slate-size" name="size" label={t("slates:role.size")} defaultValue={String(DEFAULT_SLATE_SIZE)} options={SLATE_SIZES.map((n) => ({ value: String(n), label: String(n) }))} />
        <PlainSelect
          id="slate-balance"
          name="balance"
          label={t("slates:role.balance")}
          defaultValue="none"
          options={BALANCE_OPTIONS.map((b) => ({ value: b, label: b === "none" ? t("slates:role.balance_none") : t("slates:role.balance_share", { percent: b }) }))}
        />
        <SmallButton value="generate" tone="primary">
          {t("slates:role.generate_submit")}
        </SmallButton>
      </Form>
      <h3 className="mb-2 font-medium">{t("slates:role.slates")}</h3>
      {page.slates.length === 0 ? (
        <p>{t("slates:role.no_slates")}</p>
      ) : (
        <ul className="list-disc ps-5">
          {page.slates.map((slate) => (
            <li key={slate.id}>
              <Link to={`/org/${page.organisation.slug}/slates/${slate.id}`} className="text-brand-700 underline">
                {t("slates:role.slate_line", { date: date.format(new Date(slate.createdAt)), entries: slate._count.entries, eligible: slate.eligibleCount })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
