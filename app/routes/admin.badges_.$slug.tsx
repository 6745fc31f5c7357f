import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ErrorList, Notice, SubmitButton } from "~/components/form";
import { BADGE_LEVELS, BADGE_LEVEL_KEYS } from "~/domain/badges/assessment";
import { LANGUAGE_NATIVE_NAMES, SUPPORTED_LANGUAGES } from "~/i18n/config";
import { badgeDefinitionForEdit, saveBadgeDefinition } from "~/models/badges.server";
import { requirePermission } from "~/utils/auth.server";
import { titled } from "~/utils/route-handle";
import { freeText } from "~/utils/validation";

export const handle = titled("badges:edit.title");

const lines = (raw: unknown) =>
  String(raw ?? "")
    .split(/\r?\n/)
    .map((line) => line.normalize("NFC").trim())
    .filter(Boolean);

/** One form: texts in every supported language, the rubric (line n is item n in every language), skills as ESCO URIs. */
function parseDefinition(form: FormData, slug: string) {
  const errors: Record<string, string[]> = {};
  const add = (field: string, key: string) => (errors[field] ??= []).push(key);
  const texts: Record<string, { name: string; description: string; criteria: string }> = {};
  for (const lng of SUPPORTED_LANGUAGES) {
    const entry: Record<string, string> = {};
    for (const [field, max] of [["name", 80], ["description", 600], ["criteria", 1200]] as const) {
      const parsed = freeText(max, { multiLine: field !== "name" }).safeParse(form.get(`${field}_${lng}`) ?? "");
      if (parsed.success) entry[field] = parsed.data;
      else add(`${field}_${lng}`, parsed.error.issues[0]?.message ?? "validation:required");
    }
    texts[lng] = { name: entry.name ?? "", description: entry.description ?? "", criteria: entry.criteria ?? "" };
  }
  const rubricLines = Object.fromEntries(SUPPORTED_LANGUAGES.map((lng) => [lng, lines(form.get(`rubric_${lng}`))]));
  const count = rubricLines.en?.length ?? 0;
  if (count === 0 || count > 12) add("rubric_en", "badges:edit.errors.rubric_count");
  for (const lng of SUPPORTED_LANGUAGES) {
    if ((rubricLines[lng]?.length ?? 0) !== count) add(`rubric_${lng}`, "badges:edit.errors.rubric_mismatch");
    if ((rubricLines[lng] ?? []).some((line) => line.length > 300)) add(`rubric_${lng}`, "validation:too_long");
  }
  const rubric = Array.from({ length: count }, (_, i) => ({ id: `r${i + 1}`, texts: Object.fromEntries(SUPPORTED_LANGUAGES.map((lng) => [lng, rubricLines[lng]?.[i] ?? ""])) }));
  const skills = [...new Set(lines(form.get("skills")))];
  if (skills.length === 0 || skills.length > 12 || skills.some((uri) => !/^https?:\/\/\S+$/.test(uri))) add("skills", "badges:edit.errors.skills");
  const level = z.enum(BADGE_LEVELS).safeParse(form.get("level"));
  if (!level.success) add("level", "validation:required");
  if (!/^[a-z0-9][a-z0-9-]{1,59}$/.test(slug) || slug === "new") add("slug", "badges:edit.errors.slug");
  return { errors, input: { slug, level: level.data ?? "foundation", active: form.get("active") === "on", texts, rubric, skills } };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "badge.manage");
  if (params.slug === "new") return { creating: true, slug: "", level: "foundation", active: true, texts: {} as Record<string, { name: string; description: string; criteria: string }>, rubric: {} as Record<string, string>, skills: "" };
  const badge = await badgeDefinitionForEdit(params.slug ?? "");
  if (!badge) throw new Response("Not found", { status: 404 });
  const texts = JSON.parse(badge.texts) as Record<string, { name: string; description: string; criteria: string }>;
  const rubric = JSON.parse(badge.rubric) as Array<{ texts: Record<string, string> }>;
  return {
    creating: false,
    slug: badge.slug,
    level: badge.level,
    active: badge.active,
    texts,
    rubric: Object.fromEntries(SUPPORTED_LANGUAGES.map((lng) => [lng, rubric.map((item) => item.texts[lng] ?? "").join("\n")])),
    skills: badge.skills.map((s) => s.conceptUri).join("\n"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "badge.manage");
  const form = await request.formData();
  const creating = params.slug === "new";
  const slug = creating ? String(form.get("slug") ?? "").trim() : (params.slug ?? "");
  const values = Object.fromEntries([...form.entries()].map(([key, value]) => [key, String(value)]));
  const { errors, input } = parseDefinition(form, slug);
  if (Object.keys(errors).length > 0) return data({ errors, values }, { status: 400 });
  const result = await saveBadgeDefinition(user.userId, input, creating ? "create" : "update");
  if (result.status === "slug_taken") return data({ errors: { slug: ["badges:edit.errors.slug_taken"] }, values }, { status: 409 });
  if (result.status === "unknown_skills") return data({ errors: { skills: ["badges:edit.errors.unknown_skills"] }, values }, { status: 400 });
  return redirect("/admin/badges", 303);
}

export default function EditBadge() {
  const { t } = useTranslation();
  const badge = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as { errors: Record<string, string[]>; values: Record<string, string> } | undefined;
  const value = (name: string, stored: string) => failure?.values[name] ?? stored;
  const field = (name: string, label: string, stored: string, multiLine: boolean, lng?: string) => (
    <div className="mb-3">
      <label htmlFor={name} className="mb-1 block font-medium">
        {label}
      </label>
      {multiLine ? (
        <textarea id={name} name={name} rows={3} lang={lng} dir="auto" defaultValue={value(name, stored)} aria-invalid={failure?.errors[name] ? true : undefined} aria-describedby={`${name}-error`} className="w-full rounded border border-slate-400 px-3 py-2" />
      ) : (
        <input id={name} name={name} lang={lng} dir="auto" defaultValue={value(name, stored)} aria-invalid={failure?.errors[name] ? true : undefined} aria-describedby={`${name}-error`} className="w-full rounded border border-slate-400 px-3 py-2" />
      )}
      <ErrorList id={`${name}-error`} errors={failure?.errors[name]} />
    </div>
  );
  return (
    <div className="space-y-4">
      <p>
        <Link to="/admin/badges" className="text-brand-700 underline">
          {t("badges:admin.title")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("badges:edit.title")}</h1>
      <Form method="post" className="space-y-4">
        {failure ? <Notice tone="error">{t("badges:edit.errors.summary")}</Notice> : null}
        <section className="rounded-lg bg-white p-4 shadow-sm">
          {badge.creating ? field("slug", t("badges:edit.slug"), badge.slug, false) : <p>{badge.slug}</p>}
          <label htmlFor="level" className="mb-1 block font-medium">
            {t("badges:edit.level")}
          </label>
          <select id="level" name="level" defaultValue={value("level", badge.level)} className="mb-3 rounded border border-slate-400 bg-white px-2 py-1">
            {BADGE_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(BADGE_LEVEL_KEYS[level])}
              </option>
            ))}
          </select>
          <label className="block">
            <input type="checkbox" name="active" defaultChecked={failure ? failure.values.active === "on" : badge.active} className="me-2" />
            {t("badges:edit.active")}
          </label>
          {field("skills", t("badges:edit.skills"), badge.skills, true)}
        </section>
        {SUPPORTED_LANGUAGES.map((lng) => (
          <fieldset key={lng} className="rounded-lg bg-white p-4 shadow-sm">
            <legend className="px-1 text-lg font-semibold" lang={lng}>
              {LANGUAGE_NATIVE_NAMES[lng]}
            </legend>
            {field(`name_${lng}`, t("badges:edit.name"), badge.texts[lng]?.name ?? "", false, lng)}
            {field(`description_${lng}`, t("badges:edit.description"), badge.texts[lng]?.description ?? "", true, lng)}
            {field(`criteria_${lng}`, t("badges:edit.criteria"), badge.texts[lng]?.criteria ?? "", true, lng)}
            {field(`rubric_${lng}`, t("badges:edit.rubric"), badge.rubric[lng] ?? "", true, lng)}
          </fieldset>
        ))}
        <SubmitButton>{t("badges:edit.save")}</SubmitButton>
      </Form>
    </div>
  );
}
