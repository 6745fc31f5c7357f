import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { EscoAttribution, HarborLabelMark } from "~/components/esco-attribution";
import { Section, SkillSearch, SmallButton } from "~/components/page-parts";
import { isLanguageCode, languageName } from "~/domain/profile/languages";
import { SUPPORTED_LANGUAGES } from "~/i18n/config";
import { i18next } from "~/i18n/i18next.server";
import { addAssessorArea, findAssessorProfile, removeAssessorArea, saveAssessorLanguages } from "~/models/assessor-profile.server";
import { searchResult, searchSkills } from "~/models/taxonomy.server";
import { requirePermission } from "~/utils/auth.server";
import { titled } from "~/utils/route-handle";

export const handle = titled("badges:assessor.title");

/** The program's languages first; others can be added by their code below. */
const COMMON_LANGUAGES = [...SUPPORTED_LANGUAGES, "de", "pl", "tr", "ps", "prs", "pt"];

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("languages"), languages: z.array(z.string().refine(isLanguageCode)).max(30) }),
  z.object({ intent: z.literal("area_add"), uri: z.string().min(1).max(500) }),
  z.object({ intent: z.literal("area_remove"), uri: z.string().min(1).max(500) }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "assessor.self");
  const locale = await i18next.getLocale(request);
  const url = new URL(request.url);
  const query = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const [profile, results] = await Promise.all([findAssessorProfile(user.userId, locale), query.length >= 2 ? searchSkills({ query, language: locale, limit: 10 }) : []]);
  const owned = new Set(profile.areas.map((a) => a.uri));
  const codes = [...new Set([...COMMON_LANGUAGES, ...profile.languages])];
  return {
    profile,
    languages: codes.map((code) => ({ code, name: languageName(code, locale) })),
    search: { query, results: results.map((r) => searchResult(r, locale, owned)) },
    saved: url.searchParams.get("saved"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "assessor.self");
  const form = await request.formData();
  const parsed = ActionSchema.safeParse({ ...Object.fromEntries(form), languages: form.getAll("languages") });
  if (!parsed.success) return data({ error: "badges:assessor.errors.invalid" }, { status: 400 });
  const input = parsed.data;
  if (input.intent === "languages") await saveAssessorLanguages(user.userId, input.languages);
  else if (input.intent === "area_remove") await removeAssessorArea(user.userId, input.uri);
  else {
    const result = await addAssessorArea(user.userId, input.uri);
    if (result === "unknown_skill") return data({ error: "profile:skills.unknown" }, { status: 400 });
    if (result === "too_many") return data({ error: "profile:errors.limit_reached" }, { status: 400 });
  }
  const section = input.intent === "languages" ? "languages" : "areas";
  return redirect(`/assess/profile?saved=${section}#${section}`, 303);
}

export default function AssessorProfile() {
  const { t } = useTranslation();
  const { profile, languages, search, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("badges:assessor.title")}</h1>
      <p>{t("badges:assessor.intro")}</p>
      <Section id="languages" title={t("badges:assessor.languages")} saved={saved === "languages"} error={actionData?.error}>
        <Form method="post">
          <fieldset className="mb-3">
            <legend className="sr-only">{t("badges:assessor.languages")}</legend>
            {languages.map((language) => (
              <label key={language.code} className="me-4 inline-flex items-center gap-2">
                <input type="checkbox" name="languages" value={language.code} defaultChecked={profile.languages.includes(language.code)} />
                {language.name}
              </label>
            ))}
          </fieldset>
          <SmallButton value="languages" tone="primary">
            {t("profile:save")}
          </SmallButton>
        </Form>
      </Section>
      <Section id="areas" title={t("badges:assessor.areas")} intro={t("badges:assessor.areas_intro")} saved={saved === "areas"}>
        <ul className="mb-3 divide-y divide-slate-100">
          {profile.areas.map((area) => (
            <li key={area.uri} className="py-2">
              <Form method="post" className="flex flex-wrap items-center gap-3">
                <span className="min-w-40 font-medium">
                  {area.label}
                  {area.harbor ? <HarborLabelMark /> : null}
                </span>
                <input type="hidden" name="uri" value={area.uri} />
                <SmallButton value="area_remove" tone="danger">
                  {t("profile:remove")}
                  <span className="sr-only">: {area.label}</span>
                </SmallButton>
              </Form>
            </li>
          ))}
        </ul>
        <SkillSearch action="/assess/profile#areas" search={search} intent="area_add" />
        <EscoAttribution />
      </Section>
    </div>
  );
}
