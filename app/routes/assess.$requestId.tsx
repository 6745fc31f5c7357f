import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Notice, SubmitButton } from "~/components/form";
import { languageName } from "~/domain/profile/languages";
import { i18next } from "~/i18n/i18next.server";
import { decideAssessment, viewAssessment } from "~/models/badges.server";
import { requirePermission, requireUser } from "~/utils/auth.server";
import { titled } from "~/utils/route-handle";
import { freeText } from "~/utils/validation";

export const handle = titled("badges:review.title");

const DecisionSchema = z.object({ outcome: z.enum(["pass", "fail"]), feedback: freeText(2000, { multiLine: true }), checked: z.array(z.string().max(100)).max(50) });

const BLOCKER_KEYS = { rubric_incomplete: "badges:review.errors.rubric_incomplete", quiz_below_pass_mark: "badges:review.errors.quiz_below_pass_mark" } as const;

/** Assessors review what is routed to them (or to nobody); program admins may review anything. */
async function requireReviewer(request: Request) {
  const user = await requireUser(request);
  return requirePermission(request, user.roles.includes("admin") ? "badge.manage" : "assessor.self");
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireReviewer(request);
  const locale = await i18next.getLocale(request);
  const assessment = await viewAssessment(user, params.requestId ?? "", locale);
  if (!assessment) throw new Response("Not found", { status: 404 });
  return { ...assessment, candidate: { ...assessment.candidate, languages: assessment.candidate.languages.map((l) => `${languageName(l.code, locale)} ${l.level}`) } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireReviewer(request);
  const form = await request.formData();
  const parsed = DecisionSchema.safeParse({ outcome: form.get("outcome"), feedback: form.get("feedback") ?? "", checked: form.getAll("checked") });
  const values = { feedback: typeof form.get("feedback") === "string" ? (form.get("feedback") as string) : "", checked: form.getAll("checked").map(String) };
  if (!parsed.success) return data({ errors: parsed.error.issues.map((issue) => issue.message), values }, { status: 400 });
  const result = await decideAssessment(user, params.requestId ?? "", parsed.data);
  if (result.status === "not_found") throw new Response("Not found", { status: 404 });
  if (result.status === "already_decided") return data({ errors: ["badges:review.errors.already_decided"], values }, { status: 409 });
  if (result.status === "blocked") return data({ errors: result.blockers.map((b) => BLOCKER_KEYS[b]), values }, { status: 422 });
  return redirect(`/assess?decided=${parsed.data.outcome}`, 303);
}

export default function ReviewAssessment() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const open = page.status === "submitted";
  const checked = new Set(failure?.values.checked ?? page.checked);
  return (
    <div className="space-y-4">
      <p>
        <Link to="/assess" className="text-brand-700 underline">
          {t("badges:queue.title")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("badges:review.title")}</h1>
      <p>
        <span lang={page.badge.language}>{page.badge.name}</span> · {page.candidate.nativeName} ({page.candidate.latinName}) · {page.candidate.languages.join(", ")}
      </p>
      <section aria-labelledby="evidence-heading" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="evidence-heading" className="mb-2 text-lg font-semibold">
          {t("badges:review.evidence")}
        </h2>
        <p className="whitespace-pre-line" dir="auto">
          {page.statement || "—"}
        </p>
        {page.links.length > 0 ? (
          <ul className="mt-2 list-disc ps-5" dir="ltr">
            {page.links.map((link) => (
              <li key={link}>
                <a href={link} rel="noopener noreferrer nofollow" className="text-brand-700 underline">
                  {link}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        {page.files.length > 0 ? (
          <ul className="mt-2 list-disc ps-5">
            {page.files.map((file) => (
              <li key={file.id}>
                <a href={`/certification/files/${file.id}`} className="text-brand-700 underline" dir="auto">
                  {file.fileName}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        {page.quiz.total > 0 ? <p className="mt-2">{t("badges:review.quiz", { correct: page.quiz.correct ?? 0, total: page.quiz.total, passMark: page.quiz.passMark })}</p> : null}
      </section>
      {open ? (
        <Form method="post" className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
          {failure ? <Notice tone="error">{failure.errors.map((key) => t(key)).join(" ")}</Notice> : null}
          <fieldset>
            <legend className="mb-1 font-medium">{t("badges:review.rubric")}</legend>
            {page.rubric.map((item) => (
              <label key={item.id} className="block" lang={page.badge.language}>
                <input type="checkbox" name="checked" value={item.id} defaultChecked={checked.has(item.id)} className="me-2" />
                {item.text}
              </label>
            ))}
          </fieldset>
          <div>
            <label htmlFor="feedback" className="mb-1 block font-medium">
              {t("badges:review.feedback")}
            </label>
            <p id="feedback-hint" className="mb-1 text-sm text-slate-600">
              {t("badges:review.feedback_hint")}
            </p>
            <textarea id="feedback" name="feedback" rows={4} dir="auto" required defaultValue={failure?.values.feedback} aria-describedby="feedback-hint" className="w-full rounded border border-slate-400 px-3 py-2" />
          </div>
          <div className="flex flex-wrap gap-2">
            <SubmitButton name="outcome" value="pass">
              {t("badges:review.pass")}
            </SubmitButton>
            <button type="submit" name="outcome" value="fail" className="rounded border border-red-700 px-4 py-2 text-red-800">
              {t("badges:review.fail")}
            </button>
          </div>
        </Form>
      ) : (
        <p>{t("badges:review.decided")}</p>
      )}
    </div>
  );
}
