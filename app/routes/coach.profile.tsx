import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { EscoAttribution, HarborLabelMark } from "~/components/esco-attribution";
import { PlainSelect, Section, SkillSearch, SmallButton } from "~/components/page-parts";
import { COACHING_FORMATS, FORMAT_LABEL_KEYS, HOURS, hourLabel } from "~/domain/coaching/coaching";
import { CEFR_LABEL_KEYS, CEFR_LEVELS, isCefrLevel, isLanguageCode, isTimeZone, languageName, languageOptions, timeZoneOptions } from "~/domain/profile/languages";
import { i18next } from "~/i18n/i18next.server";
import {
  addCoachExpertise,
  findCoachProfile,
  removeCoachExpertise,
  removeCoachLanguage,
  saveCoachBasics,
  saveCoachLanguage,
  setCoachPaused,
} from "~/models/coach-profile.server";
import { searchResult, searchSkills } from "~/models/taxonomy.server";
import { requirePermission } from "~/utils/auth.server";
import { titled } from "~/utils/route-handle";

export const handle = titled("coaching:profile.title");

const CAPACITIES = Array.from({ length: 30 }, (_, i) => i + 1);
const hour = z.coerce.number().int().min(0).max(24);

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("basics"),
    capacity: z.coerce.number().int().min(1).max(30),
    timeZone: z.string().refine(isTimeZone),
    hoursStart: hour,
    hoursEnd: hour,
    formats: z.array(z.enum(COACHING_FORMATS)).default([]),
  }),
  z.object({ intent: z.enum(["pause", "resume"]) }),
  z.object({ intent: z.literal("language_add"), code: z.string().refine(isLanguageCode), level: z.enum(CEFR_LEVELS) }),
  z.object({ intent: z.literal("language_remove"), code: z.string().max(10) }),
  z.object({ intent: z.literal("expertise_add"), uri: z.string().min(1).max(500), q: z.string().max(100).optional() }),
  z.object({ intent: z.literal("expertise_remove"), uri: z.string().min(1).max(500) }),
]);

const SECTION = { basics: "basics", pause: "basics", resume: "basics", language_add: "languages", language_remove: "languages", expertise_add: "expertise", expertise_remove: "expertise" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "coach.self");
  const locale = await i18next.getLocale(request);
  const url = new URL(request.url);
  const query = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const [profile, results] = await Promise.all([findCoachProfile(user.userId, locale), query.length >= 2 ? searchSkills({ query, language: locale, limit: 10 }) : []]);
  const owned = new Set(profile.expertise.map((e) => e.conceptUri));
  return {
    profile: {
      ...profile,
      languages: profile.languages.map((l) => ({ code: l.code, level: l.level, name: languageName(l.code, locale) })),
      expertise: profile.expertise.map((e) => ({ uri: e.conceptUri, label: e.label?.label ?? e.conceptUri, harbor: e.label?.provenance === "harbor" })),
    },
    search: { query, results: results.map((r) => searchResult(r, locale, owned)) },
    languageOptions: languageOptions(locale),
    timeZones: timeZoneOptions(),
    saved: url.searchParams.get("saved"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "coach.self");
  const form = await request.formData();
  const parsed = ActionSchema.safeParse({ ...Object.fromEntries(form), formats: form.getAll("formats") });
  if (!parsed.success) return data({ error: "coaching:profile.errors.invalid" }, { status: 400 });
  const input = parsed.data;
  switch (input.intent) {
    case "basics":
      await saveCoachBasics(user.userId, { capacity: input.capacity, timeZone: input.timeZone, hoursStart: input.hoursStart, hoursEnd: input.hoursEnd, formats: input.formats });
      break;
    case "pause":
    case "resume":
      await setCoachPaused(user.userId, input.intent === "pause");
      break;
    case "language_add":
      await saveCoachLanguage(user.userId, { code: input.code, level: input.level });
      break;
    case "language_remove":
      await removeCoachLanguage(user.userId, input.code);
      break;
    case "expertise_add": {
      const result = await addCoachExpertise(user.userId, input.uri);
      if (result.status === "unknown_skill") return data({ error: "profile:skills.unknown" }, { status: 400 });
      if (result.status === "too_many") return data({ error: "profile:errors.limit_reached" }, { status: 400 });
      break;
    }
    case "expertise_remove":
      await removeCoachExpertise(user.userId, input.uri);
      break;
  }
  const section = SECTION[input.intent];
  return redirect(`/coach/profile?saved=${section}#${section}`, 303);
}

export default function CoachProfilePage() {
  const { t } = useTranslation();
  const { profile, search, languageOptions: languages, timeZones, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const hourOptions = HOURS.map((h) => ({ value: String(h), label: hourLabel(h) }));
  const levels = CEFR_LEVELS.map((level) => ({ value: level, label: t(CEFR_LABEL_KEYS[level]) }));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("coaching:profile.title")}</h1>
      <p>{t("coaching:profile.intro")}</p>

      <Section id="basics" title={t("coaching:profile.basics")} saved={saved === "basics"} error={actionData?.error}>
        <p className="mb-3" role="status">
          {profile.paused ? t("coaching:profile.paused") : t("coaching:profile.active")}
        </p>
        <Form method="post" className="mb-4">
          <SmallButton value={profile.paused ? "resume" : "pause"}>{profile.paused ? t("coaching:profile.resume") : t("coaching:profile.pause")}</SmallButton>
        </Form>
        <Form method="post" className="space-y-3">
          <div className="flex flex-wrap gap-4">
            <PlainSelect id="capacity" name="capacity" label={t("coaching:profile.capacity")} defaultValue={String(profile.capacity)} options={CAPACITIES.map((c) => ({ value: String(c), label: String(c) }))} />
            <PlainSelect id="timeZone" name="timeZone" label={t("coaching:profile.time_zone")} defaultValue={profile.timeZone} options={timeZones.map((zone) => ({ value: zone, label: zone }))} />
          </div>
          <div className="flex flex-wrap gap-4">
            <PlainSelect id="hoursStart" name="hoursStart" label={t("coaching:profile.hours_start")} defaultValue={String(profile.hoursStart)} options={hourOptions} />
            <PlainSelect id="hoursEnd" name="hoursEnd" label={t("coaching:profile.hours_end")} defaultValue={String(profile.hoursEnd)} options={hourOptions} />
          </div>
          <fieldset>
            <legend className="font-medium">{t("coaching:profile.formats")}</legend>
            {COACHING_FORMATS.map((format) => (
              <label key={format} className="me-4 inline-flex items-center gap-2">
                <input type="checkbox" name="formats" value={format} defaultChecked={profile.formats.includes(format)} />
                {t(FORMAT_LABEL_KEYS[format])}
              </label>
            ))}
          </fieldset>
          <SmallButton value="basics" tone="primary">
            {t("profile:save")}
          </SmallButton>
        </Form>
      </Section>

      <Section id="languages" title={t("coaching:profile.languages")} intro={t("coaching:profile.languages_intro")} saved={saved === "languages"}>
        <ul className="mb-3 divide-y divide-slate-100">
          {profile.languages.map((language) => (
            <li key={language.code} className="py-2">
              <Form method="post" className="flex flex-wrap items-center gap-3">
                <span className="min-w-32 font-medium">{language.name}</span>
                <input type="hidden" name="code" value={language.code} />
                <PlainSelect id={`language-level-${language.code}`} name="level" label={t("profile:languages.level")} defaultValue={isCefrLevel(language.level) ? language.level : "B2"} options={levels} />
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
        <Form method="post" className="flex flex-wrap items-end gap-3 rounded border border-slate-200 p-3">
          <PlainSelect id="new-language" name="code" label={t("profile:languages.language")} defaultValue="en" options={languages.map((l) => ({ value: l.code, label: l.name }))} />
          <PlainSelect id="new-level" name="level" label={t("profile:languages.level")} defaultValue="C1" options={levels} />
          <SmallButton value="language_add" tone="primary">
            {t("profile:languages.add_button")}
          </SmallButton>
        </Form>
      </Section>

      <Section id="expertise" title={t("coaching:profile.expertise")} intro={t("coaching:profile.expertise_intro")} saved={saved === "expertise"}>
        {profile.expertise.length === 0 ? <p className="mb-3">{t("coaching:profile.no_expertise")}</p> : null}
        <ul className="mb-3 divide-y divide-slate-100">
          {profile.expertise.map((item) => (
            <li key={item.uri} className="py-2">
              <Form method="post" className="flex flex-wrap items-center gap-3">
                <span className="min-w-40 font-medium">
                  {item.label}
                  {item.harbor ? <HarborLabelMark /> : null}
                </span>
                <input type="hidden" name="uri" value={item.uri} />
                <SmallButton value="expertise_remove" tone="danger">
                  {t("profile:remove")}
                  <span className="sr-only">: {item.label}</span>
                </SmallButton>
              </Form>
            </li>
          ))}
        </ul>
        <SkillSearch action="/coach/profile#expertise" search={search} intent="expertise_add" />
        <EscoAttribution />
      </Section>
    </div>
  );
}
