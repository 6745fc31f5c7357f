import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { EscoAttribution, HarborLabelMark } from "~/components/esco-attribution";
import { ErrorList, SelectField, SubmitButton, TextAreaField, TextField } from "~/components/form";
import { CONSENT_LABEL_KEYS, CONSENT_PURPOSES, type ConsentPurpose } from "~/domain/consent/consent";
import { countryOptions } from "~/domain/intake/countries";
import { COMPLETENESS_LABEL_KEYS, completeness, type CompletenessItem } from "~/domain/profile/completeness";
import { SKILL_LEVEL_KEYS, SKILL_LEVELS, type HistoryEntry } from "~/domain/profile/entries";
import { CV_MAX_BYTES, cvFileName, sniffCvKind } from "~/domain/profile/file-type";
import {
  CEFR_LABEL_KEYS,
  CEFR_LEVELS,
  isCefrLevel,
  isTimeZone,
  languageName,
  languageOptions,
  timeZoneOptions,
  timeZonesOfCountries,
} from "~/domain/profile/languages";
import { i18next } from "~/i18n/i18next.server";
import { sendEmailVerification } from "~/models/account.server";
import {
  addHistoryEntry,
  addPortfolioLink,
  currentCountryOf,
  findOwnProfile,
  removeCv,
  removeHistoryEntry,
  removeLanguage,
  removePortfolioLink,
  removeSkill,
  replaceCv,
  saveConsents,
  saveLanguage,
  saveSkill,
  updateBasics,
  updateContact,
} from "~/models/profile.server";
import { verifiedSkills } from "~/models/badges.server";
import { labelsFor, searchResult, searchSkills } from "~/models/taxonomy.server";
import { requirePermission } from "~/utils/auth.server";
import { titled } from "~/utils/route-handle";
import { CompletenessMeter, PlainSelect, Section, SkillSearch, SmallButton } from "~/components/page-parts";
import {
  profileActionSchema,
  type BasicsSchema,
  type ConsentsSchema,
  type contactSchema,
  type LanguageAddSchema,
  type LinkAddSchema,
  type ProfileIntent,
  type WorkAddSchema,
} from "./schema";

export const handle = titled("profile:title");

/** The CV form's file field (multipart; checked in the action by size and by content). */
const CV_FIELD = "cv";

/** The page's sections, in order; each is an anchor a saved form returns to. */
const SECTIONS = ["basics", "contact", "languages", "skills", "work", "education", "links", "cv", "consents", "data"] as const;
type SectionId = (typeof SECTIONS)[number];

const SECTION_OF: Record<ProfileIntent | "cv_upload", SectionId> = {
  basics: "basics",
  contact: "contact",
  language_add: "languages",
  language_remove: "languages",
  skill_save: "skills",
  skill_remove: "skills",
  work_add: "work",
  work_remove: "work",
  education_add: "education",
  education_remove: "education",
  link_add: "links",
  link_remove: "links",
  cv_upload: "cv",
  cv_remove: "cv",
  consents: "consents",
};

const SECTION_OF_ITEM: Record<CompletenessItem, SectionId> = {
  name: "basics",
  contact: "contact",
  location: "basics",
  time_zone: "basics",
  availability: "basics",
  desired_roles: "basics",
  languages: "languages",
  skills: "skills",
  work_history: "work",
  cv: "cv",
};

/** Short names of consent purposes for the history table (the full texts are intake's). */
const CONSENT_PURPOSE_KEYS: Record<ConsentPurpose, string> = {
  share_employers: "profile:consents.purposes.share_employers",
  share_coaches: "profile:consents.purposes.share_coaches",
  share_referring_ngo: "profile:consents.purposes.share_referring_ngo",
  contact_email: "profile:consents.purposes.contact_email",
  contact_phone: "profile:consents.purposes.contact_phone",
};

const isSection = (value: unknown): value is SectionId => typeof value === "string" && (SECTIONS as readonly string[]).includes(value);
const isIntent = (value: unknown): value is ProfileIntent => typeof value === "string" && Object.hasOwn(SECTION_OF, value) && value !== "cv_upload";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "candidate.self");
  const locale = await i18next.getLocale(request);
  const found = await findOwnProfile(user.userId, locale);
  if (!found) throw new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  const query = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const results = query.length >= 2 ? await searchSkills({ query, language: locale, limit: 10 }) : [];
  const owned = new Set(found.skills.map((s) => s.conceptUri));
  const verified = await verifiedSkills(found.profile.id, locale);
  const verifiedLabels = await labelsFor([...verified.keys()], locale);
  const { profile, user: account } = found;
  // Dates are written here, in the person's time zone, so the browser renders the same text.
  const dateTime = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: profile.timeZone && isTimeZone(profile.timeZone) ? profile.timeZone : "UTC",
  });
  const size = new Intl.NumberFormat(locale, { style: "unit", unit: "kilobyte", maximumFractionDigits: 0 });
  const score = completeness({ ...profile, email: account.email, phone: account.phone, languages: found.languages, skills: found.skills, cv: found.cv });
  const saved = url.searchParams.get("saved");
  // The zones of the person's countries keep the page small; all ~400 only when asked for.
  const suggestedZones = timeZonesOfCountries([profile.currentCountry, profile.countryOfOrigin]).filter(isTimeZone);
  const allZones = url.searchParams.get("zones") === "all" || suggestedZones.length === 0;
  return {
    locale,
    account: { email: account.email, phone: account.phone, emailVerified: !!account.emailVerifiedAt },
    profile,
    languages: found.languages.map((l) => ({ ...l, name: languageName(l.code, locale) })),
    skills: found.skills.map((s) => ({
      conceptUri: s.conceptUri,
      level: s.level,
      label: s.label ?? s.conceptUri,
      // A label shown in another language (none exists in the reader's) is marked as such for screen readers.
      lang: s.labelLanguage && s.labelLanguage !== locale ? s.labelLanguage : undefined,
      harbor: s.provenance === "harbor",
      verifiedBy: verified.get(s.conceptUri) ?? [],
    })),
    // Skills a valid badge proves, declared or not: employers' slates weigh these above declared ones.
    verifiedSkills: [...verified].map(([uri, badges]) => ({ uri, label: verifiedLabels.get(uri)?.label ?? uri, badges })),
    cv: found.cv && { id: found.cv.id, fileName: found.cv.fileName, size: size.format(Math.max(1, Math.round(found.cv.size / 1024))), uploadedAt: dateTime.format(found.cv.createdAt) },
    consents: found.consents,
    consentHistory: found.consentHistory.map((row, index) => ({
      id: `${index}`,
      purpose: row.purpose,
      granted: row.granted,
      textVersion: row.textVersion,
      language: languageName(row.language, locale),
      at: dateTime.format(row.createdAt),
    })),
    completeness: { percent: score.percent, missing: score.missing.map((item) => ({ key: COMPLETENESS_LABEL_KEYS[item], section: SECTION_OF_ITEM[item] })) },
    search: { query, results: results.map((r) => searchResult(r, locale, owned)) },
    countries: countryOptions(locale),
    languageOptions: languageOptions(locale),
    timeZones: allZones ? timeZoneOptions() : ["UTC", ...suggestedZones],
    allZones,
    saved: isSection(saved) ? saved : null,
    cvMaxMegabytes: new Intl.NumberFormat(locale).format(CV_MAX_BYTES / (1024 * 1024)),
  };
}

type ActionData = { form: ProfileIntent | "cv_upload" | null; result: SubmissionResult<string[]> | null; error: string | null };

const failed = (body: ActionData, status = 400) => data(body, { status });
const savedRedirect = (section: SectionId, query?: string) =>
  redirect(`/profile?${new URLSearchParams({ ...(query ? { q: query } : {}), saved: section })}#${section}`, 303);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "candidate.self");
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) return uploadCv(request, user.userId);

  const formData = await request.formData();
  const submitted = formData.get("intent");
  const form = isIntent(submitted) ? submitted : null;
  const schema = profileActionSchema({ defaultCountry: await currentCountryOf(user.userId) });
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") {
    return failed({ form, result: submission.reply(), error: form ? null : "profile:errors.unknown_action" });
  }
  const value = submission.value;
  const section = SECTION_OF[value.intent];
  const tooMany = () => failed({ form: value.intent, result: submission.reply({ formErrors: ["profile:errors.limit_reached"] }), error: null });

  switch (value.intent) {
    case "basics":
      await updateBasics(user.userId, value);
      break;
    case "contact": {
      const result = await updateContact(user.userId, { email: value.email, phone: value.phone });
      if (result.status === "email_taken") return failed({ form: "contact", result: submission.reply({ fieldErrors: { email: ["profile:errors.email_taken"] } }), error: null });
      if (result.status === "phone_taken") return failed({ form: "contact", result: submission.reply({ fieldErrors: { phone: ["profile:errors.phone_taken"] } }), error: null });
      // A new address is unverified: the confirmation link goes out at once.
      if (result.emailChanged && value.email) await sendEmailVerification(user.userId);
      break;
    }
    case "language_add":
      await saveLanguage(user.userId, { code: value.code, level: value.level });
      break;
    case "language_remove":
      await removeLanguage(user.userId, value.code);
      break;
    case "skill_save": {
      const result = await saveSkill(user.userId, { conceptUri: value.uri, level: value.level });
      if (result.status === "unknown_skill") return failed({ form: "skill_save", result: null, error: "profile:skills.unknown" });
      if (result.status === "too_many") return failed({ form: "skill_save", result: null, error: "profile:errors.limit_reached" });
      return savedRedirect("skills", String(formData.get("q") ?? "").slice(0, 100));
    }
    case "skill_remove":
      await removeSkill(user.userId, value.uri);
      break;
    case "work_add":
    case "education_add": {
      const { intent, ...entry } = value;
      const result = await addHistoryEntry(user.userId, intent === "work_add" ? "workHistory" : "education", {
        ...entry,
        to: entry.to ?? null,
        description: entry.description ?? "",
      });
      if (result.status === "too_many") return tooMany();
      break;
    }
    case "work_remove":
      await removeHistoryEntry(user.userId, "workHistory", value.entryId);
      break;
    case "education_remove":
      await removeHistoryEntry(user.userId, "education", value.entryId);
      break;
    case "link_add":
      if ((await addPortfolioLink(user.userId, value.url)).status === "too_many") return tooMany();
      break;
    case "link_remove":
      await removePortfolioLink(user.userId, value.url);
      break;
    case "cv_remove":
      await removeCv(user.userId);
      break;
    case "consents": {
      const choices = Object.fromEntries(CONSENT_PURPOSES.map((p) => [p, value[`consent_${p}`]])) as Record<ConsentPurpose, boolean>;
      await saveConsents(user.userId, choices, await i18next.getLocale(request));
      break;
    }
  }
  return savedRedirect(section);
}

/**
 * The CV form posts multipart. The file is held in memory (at most 5 MB) and judged by its bytes;
 * what the browser says about its type or name is never trusted.
 */
async function uploadCv(request: Request, userId: string) {
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: CV_MAX_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return failed({ form: "cv_upload", result: null, error: "profile:cv.too_large" }, 413);
    throw error;
  }
  const file = formData.get(CV_FIELD);
  if (!(file instanceof File) || file.size === 0) return failed({ form: "cv_upload", result: null, error: "profile:cv.missing" });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const kind = await sniffCvKind(bytes);
  if (!kind) return failed({ form: "cv_upload", result: null, error: "profile:cv.wrong_type" }, 415);
  await replaceCv(userId, { fileName: cvFileName(file.name, kind), kind, bytes });
  return savedRedirect("cv");
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function ProfilePage() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resultFor = (form: ProfileIntent) => (actionData?.form === form ? (actionData.result ?? undefined) : undefined);
  const errorFor = (section: SectionId) => (actionData?.form && SECTION_OF[actionData.form] === section && !actionData.result ? actionData.error : null);
  const isSaved = (section: SectionId) => page.saved === section && !actionData;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("profile:title")}</h1>
      {actionData?.form === null && actionData.error ? <ErrorList errors={[actionData.error]} /> : null}

      <CompletenessMeter percent={page.completeness.percent} missing={page.completeness.missing} />

      <nav aria-labelledby="sections-heading" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="sections-heading" className="mb-2 font-semibold">
          {t("profile:sections")}
        </h2>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <li><a href="#basics" className="text-brand-700 underline">{t("profile:basics.title")}</a></li>
          <li><a href="#contact" className="text-brand-700 underline">{t("profile:contact.title")}</a></li>
          <li><a href="#languages" className="text-brand-700 underline">{t("profile:languages.title")}</a></li>
          <li><a href="#skills" className="text-brand-700 underline">{t("profile:skills.title")}</a></li>
          <li><a href="#work" className="text-brand-700 underline">{t("profile:work.title")}</a></li>
          <li><a href="#education" className="text-brand-700 underline">{t("profile:education.title")}</a></li>
          <li><a href="#links" className="text-brand-700 underline">{t("profile:links.title")}</a></li>
          <li><a href="#cv" className="text-brand-700 underline">{t("profile:cv.title")}</a></li>
          <li><a href="#consents" className="text-brand-700 underline">{t("profile:consents.title")}</a></li>
          <li><a href="#data" className="text-brand-700 underline">{t("profile:data.title")}</a></li>
        </ul>
      </nav>

      <BasicsSection page={page} lastResult={resultFor("basics")} saved={isSaved("basics")} />
      <ContactSection page={page} lastResult={resultFor("contact")} saved={isSaved("contact")} />
      <LanguagesSection page={page} lastResult={resultFor("language_add")} saved={isSaved("languages")} error={errorFor("languages")} />
      <SkillsSection page={page} saved={isSaved("skills")} error={errorFor("skills")} />
      <HistorySection kind="work" entries={page.profile.workHistory} lastResult={resultFor("work_add")} saved={isSaved("work")} />
      <HistorySection kind="education" entries={page.profile.education} lastResult={resultFor("education_add")} saved={isSaved("education")} />
      <LinksSection links={page.profile.portfolioLinks} lastResult={resultFor("link_add")} saved={isSaved("links")} />
      <CvSection page={page} saved={isSaved("cv")} error={actionData?.form === "cv_upload" || actionData?.form === "cv_remove" ? actionData.error : null} />
      <ConsentsSection page={page} lastResult={resultFor("consents")} saved={isSaved("consents")} />

      <Section id="data" title={t("profile:data.title")} intro={t("profile:data.intro")}>
        <ul className="space-y-3">
          <li>
            <a href="/profile/export" download="harbor-export.json" className="text-brand-700 underline">
              {t("profile:data.export")}
            </a>
            <p className="text-sm text-slate-700">{t("profile:data.export_hint")}</p>
          </li>
          <li>
            <Link to="/profile/delete" className="text-red-800 underline">
              {t("profile:data.delete")}
            </Link>
            <p className="text-sm text-slate-700">{t("profile:data.delete_hint")}</p>
          </li>
        </ul>
      </Section>
    </div>
  );
}

function BasicsSection({ page, lastResult, saved }: { page: LoaderData; lastResult?: SubmissionResult<string[]>; saved: boolean }) {
  const { t } = useTranslation();
  const { profile } = page;
  // Validation runs on the server only (small pages; every form works without JavaScript).
  const [form, fields] = useForm<z.input<typeof BasicsSchema>>({
    id: "basics-form",
    lastResult,
    defaultValue: {
      nativeName: profile.nativeName,
      latinName: profile.latinName,
      countryOfOrigin: profile.countryOfOrigin ?? "",
      currentCountry: profile.currentCountry ?? "",
      dateOfBirth: profile.dateOfBirth ?? "",
      timeZone: profile.timeZone ?? "",
      availabilityHours: profile.availabilityHours ?? undefined,
      desiredRoles: profile.desiredRoles.join("\n"),
    },
  });
  const countries = page.countries.map((c) => ({ value: c.code, label: c.name }));
  const zones = page.timeZones.includes(profile.timeZone ?? "") || !profile.timeZone ? page.timeZones : [profile.timeZone, ...page.timeZones];
  return (
    <Section id="basics" title={t("profile:basics.title")} saved={saved}>
      <Form method="post" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <TextField meta={fields.nativeName} label={t("profile:basics.native_name")} hint={t("profile:basics.native_name_hint")} autoComplete="name" />
        <TextField meta={fields.latinName} label={t("profile:basics.latin_name")} hint={t("profile:basics.latin_name_hint")} dir="ltr" />
        <SelectField meta={fields.countryOfOrigin} label={t("profile:basics.country_of_origin")} options={countries} placeholder={t("profile:basics.choose_country")} />
        <SelectField meta={fields.currentCountry} label={t("profile:basics.current_country")} options={countries} placeholder={t("profile:basics.choose_country")} />
        <TextField meta={fields.dateOfBirth} label={t("profile:basics.date_of_birth")} hint={t("profile:basics.date_of_birth_hint")} type="date" autoComplete="bday" />
        <SelectField
          meta={fields.timeZone}
          label={t("profile:basics.time_zone")}
          hint={t("profile:basics.time_zone_hint")}
          options={zones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }))}
          placeholder={t("profile:basics.choose_time_zone")}
        />
        {page.allZones ? null : (
          <p className="-mt-2 mb-4 text-sm">
            <a href="/profile?zones=all#basics" className="text-brand-700 underline">
              {t("profile:basics.all_time_zones")}
            </a>
          </p>
        )}
        <TextField
          meta={fields.availabilityHours}
          label={t("profile:basics.availability")}
          hint={t("profile:basics.availability_hint")}
          type="number"
          inputMode="numeric"
          min={0}
          max={80}
        />
        <TextAreaField meta={fields.desiredRoles} label={t("profile:basics.desired_roles")} hint={t("profile:basics.desired_roles_hint")} />
        <SubmitButton name="intent" value="basics">
          {t("profile:save")}
        </SubmitButton>
      </Form>
    </Section>
  );
}

function ContactSection({ page, lastResult, saved }: { page: LoaderData; lastResult?: SubmissionResult<string[]>; saved: boolean }) {
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<ReturnType<typeof contactSchema>>>({
    id: "contact-form",
    lastResult,
    defaultValue: { email: page.account.email ?? "", phone: page.account.phone ?? "" },
  });
  return (
    <Section id="contact" title={t("profile:contact.title")} intro={t("profile:contact.intro")} saved={saved}>
      <Form method="post" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <TextField
          meta={fields.email}
          label={t("profile:contact.email")}
          hint={page.account.email && !page.account.emailVerified ? t("profile:contact.unverified") : t("profile:contact.email_hint")}
          type="email"
          autoComplete="email"
          dir="ltr"
        />
        <TextField meta={fields.phone} label={t("profile:contact.phone")} hint={t("profile:contact.phone_hint")} type="tel" autoComplete="tel" inputMode="tel" dir="ltr" />
        <SubmitButton name="intent" value="contact">
          {t("profile:save")}
        </SubmitButton>
      </Form>
    </Section>
  );
}

function LanguagesSection({ page, lastResult, saved, error }: { page: LoaderData; lastResult?: SubmissionResult<string[]>; saved: boolean; error: string | null }) {
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof LanguageAddSchema>>({ id: "language-add-form", lastResult, defaultValue: { level: "B1" } });
  const levels = CEFR_LEVELS.map((level) => ({ value: level, label: t(CEFR_LABEL_KEYS[level]) }));
  return (
    <Section id="languages" title={t("profile:languages.title")} intro={t("profile:languages.intro")} saved={saved} error={error}>
      {page.languages.length === 0 ? (
        <p className="mb-3">{t("profile:languages.none")}</p>
      ) : (
        <ul className="mb-4 divide-y divide-slate-100">
          {page.languages.map((language) => (
            <li key={language.code} className="py-2">
              <Form method="post" className="flex flex-wrap items-center gap-3">
                <span className="min-w-32 font-medium">
                  {language.name}
                </span>
                <input type="hidden" name="code" value={language.code} />
                <PlainSelect
                  id={`language-level-${language.code}`}
                  name="level"
                  label={t("profile:languages.level")}
                  defaultValue={isCefrLevel(language.level) ? language.level : "B1"}
                  options={levels}
                />
                <SmallButton value="language_add">
                  {t("profile:save")}
                  <span className="sr-only">: {language.name}</span>
                </SmallButton>
                <SmallButton value="language_remove" tone="danger">
                  {t("profile:remove")}
                  <span className="sr-only">: {language.name}</span>
                </SmallButton>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <Form method="post" {...getFormProps(form)} className="rounded border border-slate-200 p-3">
        <fieldset>
          <legend className="mb-2 font-medium">{t("profile:languages.add")}</legend>
          <ErrorList id={form.errorId} errors={form.errors} />
          <SelectField
            meta={fields.code}
            label={t("profile:languages.language")}
            options={page.languageOptions.map((l) => ({ value: l.code, label: l.name }))}
            placeholder={t("profile:languages.choose")}
          />
          <SelectField meta={fields.level} label={t("profile:languages.level")} hint={t("profile:languages.level_hint")} options={levels} />
          <SubmitButton name="intent" value="language_add">
            {t("profile:languages.add_button")}
          </SubmitButton>
        </fieldset>
      </Form>
    </Section>
  );
}

function SkillsSection({ page, saved, error }: { page: LoaderData; saved: boolean; error: string | null }) {
  const { t } = useTranslation();
  const levels = SKILL_LEVELS.map((level) => ({ value: String(level), label: t(SKILL_LEVEL_KEYS[level]) }));
  const { search } = page;
  return (
    <Section id="skills" title={t("profile:skills.title")} intro={t("profile:skills.intro")} saved={saved} error={error}>
      {page.skills.length === 0 ? (
        <p className="mb-3">{t("profile:skills.none")}</p>
      ) : (
        <ul className="mb-4 divide-y divide-slate-100">
          {page.skills.map((skill, index) => (
            <li key={skill.conceptUri} className="py-2">
              <Form method="post" className="flex flex-wrap items-center gap-3">
                <span className="min-w-40 font-medium" lang={skill.lang}>
                  {skill.label}
                  {skill.harbor ? <HarborLabelMark /> : null}
                  {skill.verifiedBy.length > 0 ? <span className="ms-2 text-sm text-green-800">✓ {t("badges:profile.verified")}</span> : null}
                </span>
                <input type="hidden" name="uri" value={skill.conceptUri} />
                <PlainSelect id={`skill-level-${index}`} name="level" label={t("profile:skills.level")} defaultValue={String(skill.level)} options={levels} />
                <SmallButton value="skill_save">
                  {t("profile:save")}
                  <span className="sr-only">: {skill.label}</span>
                </SmallButton>
                <SmallButton value="skill_remove" tone="danger">
                  {t("profile:remove")}
                  <span className="sr-only">: {skill.label}</span>
                </SmallButton>
              </Form>
            </li>
          ))}
        </ul>
      )}

      {page.verifiedSkills.length > 0 ? (
        <div className="mb-4">
          <h3 className="mb-1 font-medium">{t("badges:profile.verified_title")}</h3>
          <ul className="list-disc ps-5">
            {page.verifiedSkills.map((skill) => (
              <li key={skill.uri}>
                {skill.label} —{" "}
                {skill.badges.map((badge, index) => (
                  <span key={badge.awardId}>
                    {index > 0 ? ", " : ""}
                    <Link to={`/badges/${badge.awardId}`} className="text-brand-700 underline">
                      {badge.badge}
                    </Link>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <SkillSearch
        action="/profile#skills"
        search={search}
        intent="skill_save"
        fields={(result, index) => <PlainSelect id={`skill-result-level-${index}`} name="level" label={t("profile:skills.level")} defaultValue="3" options={levels} />}
      />
      <EscoAttribution />
    </Section>
  );
}

function HistorySection({
  kind,
  entries,
  lastResult,
  saved,
}: {
  kind: "work" | "education";
  entries: HistoryEntry[];
  lastResult?: SubmissionResult<string[]>;
  saved: boolean;
}) {
  const { t } = useTranslation();
  const work = kind === "work";
  const [form, fields] = useForm<z.input<typeof WorkAddSchema>>({ id: work ? "work-add-form" : "education-add-form", lastResult });
  const period = (entry: HistoryEntry) =>
    entry.to ? t("profile:history.period", { from: entry.from, to: entry.to }) : t("profile:history.since", { from: entry.from });
  return (
    <Section
      id={kind}
      title={work ? t("profile:work.title") : t("profile:education.title")}
      intro={work ? t("profile:work.intro") : t("profile:education.intro")}
      saved={saved}
    >
      {entries.length === 0 ? (
        <p className="mb-3">{work ? t("profile:work.none") : t("profile:education.none")}</p>
      ) : (
        <ul className="mb-4 divide-y divide-slate-100">
          {entries.map((entry) => (
            <li key={entry.id} className="py-3">
              <p className="font-medium" dir="auto">
                {entry.title}
              </p>
              <p dir="auto">{entry.organisation}</p>
              <p className="text-sm text-slate-700">{period(entry)}</p>
              {entry.description ? (
                <p className="mt-1 whitespace-pre-line text-sm" dir="auto">
                  {entry.description}
                </p>
              ) : null}
              <Form method="post" className="mt-2">
                <input type="hidden" name="entryId" value={entry.id} />
                <SmallButton value={work ? "work_remove" : "education_remove"} tone="danger">
                  {t("profile:remove")}
                  <span className="sr-only">: {entry.title}</span>
                </SmallButton>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <Form method="post" {...getFormProps(form)} className="rounded border border-slate-200 p-3">
        <fieldset>
          <legend className="mb-2 font-medium">{work ? t("profile:work.add") : t("profile:education.add")}</legend>
          <ErrorList id={form.errorId} errors={form.errors} />
          <TextField meta={fields.title} label={work ? t("profile:work.job_title") : t("profile:education.qualification")} />
          <TextField meta={fields.organisation} label={work ? t("profile:work.employer") : t("profile:education.institution")} />
          <TextField meta={fields.from} label={t("profile:history.from")} hint={t("profile:history.month_hint")} type="month" />
          <TextField meta={fields.to} label={t("profile:history.to")} hint={t("profile:history.to_hint")} type="month" />
          <TextAreaField meta={fields.description} label={t("profile:history.description")} />
          <SubmitButton name="intent" value={work ? "work_add" : "education_add"}>
            {work ? t("profile:work.add_button") : t("profile:education.add_button")}
          </SubmitButton>
        </fieldset>
      </Form>
    </Section>
  );
}

function LinksSection({ links, lastResult, saved }: { links: string[]; lastResult?: SubmissionResult<string[]>; saved: boolean }) {
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof LinkAddSchema>>({ id: "link-add-form", lastResult });
  return (
    <Section id="links" title={t("profile:links.title")} intro={t("profile:links.intro")} saved={saved}>
      {links.length === 0 ? (
        <p className="mb-3">{t("profile:links.none")}</p>
      ) : (
        <ul className="mb-4 divide-y divide-slate-100">
          {links.map((link) => (
            <li key={link} className="flex flex-wrap items-center gap-3 py-2">
              <a href={link} rel="noopener noreferrer nofollow" target="_blank" dir="ltr" className="break-all text-brand-700 underline">
                {link}
              </a>
              <Form method="post">
                <input type="hidden" name="url" value={link} />
                <SmallButton value="link_remove" tone="danger">
                  {t("profile:remove")}
                  <span className="sr-only">: {link}</span>
                </SmallButton>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <Form method="post" {...getFormProps(form)} className="rounded border border-slate-200 p-3">
        <ErrorList id={form.errorId} errors={form.errors} />
        <TextField meta={fields.url} label={t("profile:links.url")} hint={t("profile:links.url_hint")} type="url" inputMode="url" dir="ltr" />
        <SubmitButton name="intent" value="link_add">
          {t("profile:links.add_button")}
        </SubmitButton>
      </Form>
    </Section>
  );
}

function CvSection({ page, saved, error }: { page: LoaderData; saved: boolean; error: string | null }) {
  const { t } = useTranslation();
  return (
    <Section id="cv" title={t("profile:cv.title")} intro={t("profile:cv.intro")} saved={saved}>
      {page.cv ? (
        <div className="mb-4 flex flex-wrap items-center gap-3">
          <a href={`/profile/cv/${page.cv.id}`} className="text-brand-700 underline" dir="auto">
            {page.cv.fileName}
          </a>
          <span className="text-sm text-slate-700">{t("profile:cv.details", { size: page.cv.size, date: page.cv.uploadedAt })}</span>
          <Form method="post">
            <SmallButton value="cv_remove" tone="danger">
              {t("profile:cv.remove")}
            </SmallButton>
          </Form>
        </div>
      ) : (
        <p className="mb-3">{t("profile:cv.none")}</p>
      )}
      <Form method="post" encType="multipart/form-data" className="rounded border border-slate-200 p-3">
        <label htmlFor="cv-file" className="mb-1 block font-medium">
          {page.cv ? t("profile:cv.replace_label") : t("profile:cv.upload_label")}
        </label>
        <p id="cv-file-hint" className="mb-1 text-sm text-slate-600">
          {t("profile:cv.hint", { size: page.cvMaxMegabytes })}
        </p>
        <input
          id="cv-file"
          type="file"
          name={CV_FIELD}
          required
          accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          aria-describedby={error ? "cv-file-hint cv-file-error" : "cv-file-hint"}
          aria-invalid={error ? true : undefined}
          className="mb-3 block w-full text-sm"
        />
        <ErrorList id="cv-file-error" errors={error ? [error] : null} />
        <SubmitButton name="intent" value="cv_upload">
          {t("profile:cv.upload_button")}
        </SubmitButton>
      </Form>
    </Section>
  );
}

function ConsentsSection({ page, lastResult, saved }: { page: LoaderData; lastResult?: SubmissionResult<string[]>; saved: boolean }) {
  const { t } = useTranslation();
  const [form, fields] = useForm<z.input<typeof ConsentsSchema>>({
    id: "consents-form",
    lastResult,
    defaultValue: Object.fromEntries(CONSENT_PURPOSES.map((p) => [`consent_${p}`, page.consents[p]])),
  });
  return (
    <Section id="consents" title={t("profile:consents.title")} intro={t("profile:consents.intro")} saved={saved}>
      <Form method="post" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <fieldset className="mb-4 rounded border border-slate-300 p-3">
          <legend className="px-1 font-medium">{t("profile:consents.legend")}</legend>
          {CONSENT_PURPOSES.map((purpose) => {
            const meta = fields[`consent_${purpose}`];
            return (
              <div key={purpose} className="mb-2 flex items-start gap-2">
                <input {...getInputProps(meta, { type: "checkbox" })} key={meta.key} className="mt-1 size-5 shrink-0" />
                <label htmlFor={meta.id}>{t(CONSENT_LABEL_KEYS[purpose])}</label>
              </div>
            );
          })}
        </fieldset>
        <SubmitButton name="intent" value="consents">
          {t("profile:consents.save")}
        </SubmitButton>
      </Form>

      <h3 className="mb-2 mt-6 font-medium">{t("profile:consents.history")}</h3>
      {page.consentHistory.length === 0 ? (
        <p>{t("profile:consents.no_history")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-start text-sm">
            <caption className="sr-only">{t("profile:consents.history")}</caption>
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-2 pe-3 text-start">{t("profile:consents.when")}</th>
                <th scope="col" className="py-2 pe-3 text-start">{t("profile:consents.purpose")}</th>
                <th scope="col" className="py-2 pe-3 text-start">{t("profile:consents.choice")}</th>
                <th scope="col" className="py-2 pe-3 text-start">{t("profile:consents.version")}</th>
                <th scope="col" className="py-2 text-start">{t("profile:consents.language")}</th>
              </tr>
            </thead>
            <tbody>
              {page.consentHistory.map((row) => (
                <tr key={row.id} className="border-b border-slate-100">
                  <td className="py-2 pe-3">{row.at}</td>
                  <td className="py-2 pe-3">{isConsentPurpose(row.purpose) ? t(CONSENT_PURPOSE_KEYS[row.purpose]) : row.purpose}</td>
                  <td className="py-2 pe-3">{row.granted ? t("profile:consents.granted") : t("profile:consents.withdrawn")}</td>
                  <td className="py-2 pe-3">{row.textVersion}</td>
                  <td className="py-2">{row.language}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

function isConsentPurpose(value: string): value is ConsentPurpose {
  return (CONSENT_PURPOSES as readonly string[]).includes(value);
}
