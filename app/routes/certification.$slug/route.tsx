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
import { EscoAttribution } from "~/components/esco-attribution";
import { ErrorList, Notice, SubmitButton } from "~/components/form";
import { badgeLevelKey } from "~/domain/badges/assessment";
import { CV_CONTENT_TYPES, CV_MAX_BYTES, cvFileName, sniffCvKind } from "~/domain/profile/file-type";
import { i18next } from "~/i18n/i18next.server";
import { findBadge, submitAssessment, type EvidenceFile } from "~/models/badges.server";
import { requirePermission } from "~/utils/auth.server";
import { titled } from "~/utils/route-handle";
import { MAX_EVIDENCE_FILES, MAX_EVIDENCE_LINKS, RequestSchema } from "./schema";

export const handle = titled("badges:request.title");

const SUBMIT_ERRORS = {
  unknown_badge: "badges:request.errors.unknown_badge",
  already_awarded: "badges:request.errors.already_awarded",
  already_open: "badges:request.errors.already_open",
  quiz_incomplete: "badges:request.errors.quiz_incomplete",
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "candidate.self");
  const locale = await i18next.getLocale(request);
  const badge = await findBadge(params.slug ?? "", locale);
  if (!badge) throw new Response("Not found", { status: 404 });
  return { badge: { ...badge, levelKey: badgeLevelKey(badge.level) }, maxMegabytes: CV_MAX_BYTES / (1024 * 1024) };
}

type Failure = { errors: Record<string, string[]>; values: { statement: string; links: string; answers: Record<string, string>; includeEmailHash: boolean } };
const failed = (body: Failure, status = 400) => data(body, { status });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "candidate.self");
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: CV_MAX_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return failed({ errors: { files: ["badges:request.errors.file_too_large"] }, values: { statement: "", links: "", answers: {}, includeEmailHash: false } }, 413);
    throw error;
  }
  const text = (name: string) => (typeof form.get(name) === "string" ? (form.get(name) as string) : "");
  const answers = Object.fromEntries([...form.entries()].filter(([key, value]) => key.startsWith("q_") && typeof value === "string").map(([key, value]) => [key.slice(2), value as string]));
  const values = { statement: text("statement"), links: text("links"), answers, includeEmailHash: form.get("includeEmailHash") === "on" };
  const errors: Record<string, string[]> = {};
  const parsed = RequestSchema.safeParse({ statement: values.statement, links: values.links });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = (errors[String(issue.path[0])] ??= []);
      if (!field.includes(issue.message)) field.push(issue.message);
    }
  }

  const uploads = form.getAll("files").filter((f): f is File => f instanceof File && f.size > 0);
  const files: EvidenceFile[] = [];
  if (uploads.length > MAX_EVIDENCE_FILES) errors.files = ["badges:request.errors.too_many_files"];
  for (const upload of uploads.slice(0, MAX_EVIDENCE_FILES)) {
    const bytes = new Uint8Array(await upload.arrayBuffer());
    const kind = await sniffCvKind(bytes);
    if (!kind) {
      errors.files = ["badges:request.errors.file_type"];
      break;
    }
    files.push({ fileName: cvFileName(upload.name, kind), contentType: CV_CONTENT_TYPES[kind], bytes });
  }
  if (!parsed.success || errors.files) return failed({ errors, values });

  const numeric = Object.fromEntries(Object.entries(answers).map(([id, value]) => [id, /^\d{1,2}$/.test(value) ? Number(value) : undefined]));
  const result = await submitAssessment(user.userId, params.slug ?? "", {
    statement: parsed.data.statement,
    links: parsed.data.links,
    files,
    answers: numeric,
    includeEmailHash: form.get("includeEmailHash") === "on",
  });
  if (result.status !== "ok") return failed({ errors: { form: [SUBMIT_ERRORS[result.status]] }, values }, result.status === "unknown_badge" ? 404 : 409);
  return redirect("/certification?submitted=1", 303);
}

export default function RequestBadge() {
  const { t } = useTranslation();
  const { badge, maxMegabytes } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const values = failure?.values;
  return (
    <div className="space-y-4">
      <p>
        <Link to="/certification" className="text-brand-700 underline">
          {t("badges:catalogue.title")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold" lang={badge.language}>
        {badge.name}
      </h1>
      <p className="text-sm">{t(badge.levelKey)}</p>
      <section aria-labelledby="about-heading" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="about-heading" className="sr-only">
          {t("badges:request.about")}
        </h2>
        <p lang={badge.language}>{badge.description}</p>
        <h3 className="mt-3 font-medium">{t("badges:verify.criteria")}</h3>
        <p lang={badge.language}>{badge.criteria}</p>
        <h3 className="mt-3 font-medium">{t("badges:verify.assessed")}</h3>
        <ul className="list-disc ps-5" lang={badge.language}>
          {badge.rubric.map((item) => (
            <li key={item.id}>{item.text}</li>
          ))}
        </ul>
        <h3 className="mt-3 font-medium">{t("badges:verify.skills")}</h3>
        <p>{badge.skills.map((s) => s.label).join(", ")}</p>
        <EscoAttribution />
      </section>
      <Form method="post" encType="multipart/form-data" className="space-y-4 rounded-lg bg-white p-4 shadow-sm">
        <h2 className="text-lg font-semibold">{t("badges:request.title")}</h2>
        {failure?.errors.form ? <Notice tone="error">{failure.errors.form.map((key) => t(key)).join(" ")}</Notice> : null}
        <div>
          <label htmlFor="statement" className="mb-1 block font-medium">
            {t("badges:request.statement")}
          </label>
          <p id="statement-hint" className="mb-1 text-sm text-slate-600">
            {t("badges:request.statement_hint")}
          </p>
          <textarea id="statement" name="statement" rows={6} dir="auto" defaultValue={values?.statement} aria-describedby="statement-hint statement-error" aria-invalid={failure?.errors.statement ? true : undefined} className="w-full rounded border border-slate-400 px-3 py-2" />
          <ErrorList id="statement-error" errors={failure?.errors.statement} />
        </div>
        <div>
          <label htmlFor="links" className="mb-1 block font-medium">
            {t("badges:request.links")}
          </label>
          <p id="links-hint" className="mb-1 text-sm text-slate-600">
            {t("badges:request.links_hint", { count: MAX_EVIDENCE_LINKS })}
          </p>
          <textarea id="links" name="links" rows={3} dir="ltr" defaultValue={values?.links} aria-describedby="links-hint links-error" aria-invalid={failure?.errors.links ? true : undefined} className="w-full rounded border border-slate-400 px-3 py-2" />
          <ErrorList id="links-error" errors={failure?.errors.links} />
        </div>
        <div>
          <label htmlFor="files" className="mb-1 block font-medium">
            {t("badges:request.files")}
          </label>
          <p id="files-hint" className="mb-1 text-sm text-slate-600">
            {t("badges:request.files_hint", { count: MAX_EVIDENCE_FILES, megabytes: maxMegabytes })}
          </p>
          <input id="files" name="files" type="file" multiple accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document" aria-describedby="files-hint files-error" />
          <ErrorList id="files-error" errors={failure?.errors.files} />
          {failure ? <p className="text-sm text-slate-700">{t("badges:request.files_again")}</p> : null}
        </div>
        {badge.quiz.length > 0 ? (
          <fieldset className="space-y-3">
            <legend className="font-medium">{t("badges:request.quiz", { count: badge.quizPassMark })}</legend>
            {badge.quiz.map((question, q) => (
              <fieldset key={question.id} className="rounded border border-slate-200 p-3">
                <legend className="px-1" lang={badge.language}>
                  {q + 1}. {question.text}
                </legend>
                {question.options.map((option, o) => (
                  <label key={o} className="block" lang={badge.language}>
                    <input type="radio" name={`q_${question.id}`} value={o} required defaultChecked={values?.answers[question.id] === String(o)} className="me-2" />
                    {option}
                  </label>
                ))}
              </fieldset>
            ))}
          </fieldset>
        ) : null}
        <label className="block">
          <input type="checkbox" name="includeEmailHash" defaultChecked={values?.includeEmailHash} aria-describedby="email-hash-hint" className="me-2" />
          {t("badges:request.email_hash")}
        </label>
        <p id="email-hash-hint" className="text-sm text-slate-600">
          {t("badges:request.email_hash_hint")}
        </p>
        <SubmitButton>{t("badges:request.submit")}</SubmitButton>
      </Form>
    </div>
  );
}
