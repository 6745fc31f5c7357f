import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Notice, SubmitButton } from "~/components/form";
import { ReasonList } from "~/components/reasons";
import { MATCH_STATUS_KEYS, REJECTION_KEYS, describeMatchReason, describeUnassigned, proposalBound, type MatchStatus } from "~/domain/coaching/coaching";
import { i18next } from "~/i18n/i18next.server";
import { adjustMatch, coachChoices, presentMessages, publishRun, viewRun } from "~/models/coaching.server";
import { requirePermission } from "~/utils/auth.server";
import { titled } from "~/utils/route-handle";

export const handle = titled("coaching:review.title");

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("adjust"), matchId: z.string().min(1).max(100), coachUserId: z.string().max(100) }),
  z.object({ intent: z.literal("publish") }),
]);

const PUBLISH_ERRORS = {
  not_found: "coaching:review.errors.not_found",
  not_draft: "coaching:review.errors.not_draft",
  stale: "coaching:review.errors.stale",
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "coaching.manage");
  const run = await viewRun(params.runId ?? "");
  if (!run) throw new Response("Not found", { status: 404 });
  const locale = await i18next.getLocale(request);
  const utc = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const date = { format: (at: Date) => `${utc.format(at)} UTC` };
  const messages = await presentMessages(
    run.lines.map((line) => (line.coach ? line.reasons.map(describeMatchReason) : line.unassigned ? describeUnassigned(line.unassigned) : [])),
    locale,
  );
  return {
    run: {
      id: run.id,
      status: run.status,
      createdAt: date.format(run.createdAt),
      publishedAt: run.publishedAt && date.format(run.publishedAt),
      candidates: run.candidates,
      coaches: run.coaches,
      durationMs: run.durationMs,
      engineVersion: run.engineVersion,
    },
    totals: run.totals,
    greedy: { assigned: run.greedyAssigned, totalScore: run.greedyScore },
    bound: proposalBound(run.totals.totalScore, run.scoreBound),
    lines: run.lines.map((line, index) => ({
      id: line.id,
      status: line.status as MatchStatus,
      candidate: line.candidate,
      coach: line.coach,
      score: line.score,
      adjusted: line.adjusted,
      respondBy: line.respondBy && date.format(line.respondBy),
      messages: messages[index] ?? [],
    })),
    coaches: run.status === "draft" ? await coachChoices() : [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "coaching.manage");
  const runId = params.runId ?? "";
  const parsed = ActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ matchId: null, errors: ["coaching:review.errors.invalid"] }, { status: 400 });
  if (parsed.data.intent === "publish") {
    const result = await publishRun(user.userId, runId);
    if (result.status !== "ok") return data({ matchId: null, errors: [PUBLISH_ERRORS[result.status]] }, { status: 409 });
    return redirect(`/admin/matching/${runId}?published=${result.offers}`, 303);
  }
  const { matchId, coachUserId } = parsed.data;
  const result = await adjustMatch(user.userId, runId, matchId, coachUserId === "" ? null : coachUserId);
  if (result.status === "ineligible") return data({ matchId, errors: result.reasons.map((reason) => REJECTION_KEYS[reason.code]) }, { status: 422 });
  if (result.status !== "ok") return data({ matchId, errors: [PUBLISH_ERRORS[result.status]] }, { status: 409 });
  return redirect(`/admin/matching/${runId}#line-${matchId}`, 303);
}

export default function MatchingReview() {
  const { t, i18n } = useTranslation();
  const { run, totals, greedy, bound, lines, coaches } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const number = new Intl.NumberFormat(i18n.language);
  const draft = run.status === "draft";
  return (
    <div className="space-y-4">
      <p>
        <Link to="/admin/matching" className="text-brand-700 underline">
          {t("coaching:review.back")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("coaching:review.title")}</h1>
      <p>
        {run.createdAt} · {t(draft ? "coaching:admin.run_status.draft" : "coaching:admin.run_status.published")} ·{" "}
        {t("coaching:admin.run_size", { candidates: run.candidates, coaches: run.coaches })}
      </p>
      {actionData && !actionData.matchId ? <Notice tone="error">{actionData.errors.map((key) => t(key)).join(" ")}</Notice> : null}

      <section aria-labelledby="totals-heading" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="totals-heading" className="mb-2 text-lg font-semibold">
          {t("coaching:review.totals")}
        </h2>
        <table className="w-full text-start text-sm">
          <thead>
            <tr>
              <td></td>
              <th scope="col" className="text-start">{t("coaching:review.assigned")}</th>
              <th scope="col" className="text-start">{t("coaching:review.unassigned")}</th>
              <th scope="col" className="text-start">{t("coaching:review.total_score")}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row" className="text-start">{t("coaching:review.this_run")}</th>
              <td data-testid="assigned">{number.format(totals.assigned)}</td>
              <td>{number.format(totals.unassigned)}</td>
              <td data-testid="total-score">{number.format(totals.totalScore)}</td>
            </tr>
            <tr>
              <th scope="row" className="text-start">{t("coaching:review.greedy")}</th>
              <td>{number.format(greedy.assigned)}</td>
              <td>{number.format(run.candidates - greedy.assigned)}</td>
              <td>{number.format(greedy.totalScore)}</td>
            </tr>
          </tbody>
        </table>
        <p className="mt-2 text-sm">{t("coaching:review.improvement", { assigned: totals.assigned - greedy.assigned, score: totals.totalScore - greedy.totalScore })}</p>
        {bound ? (
          <p className="mt-1 text-sm" data-testid="score-bound">
            {t("coaching:review.bound", {
              bound: number.format(bound.score),
              share: new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 2 }).format(bound.share),
            })}
          </p>
        ) : null}
        <p className="mt-1 text-sm text-slate-700">{t("coaching:review.engine", { version: run.engineVersion, ms: run.durationMs })}</p>
      </section>

      {draft ? (
        <Form method="post" className="rounded-lg bg-white p-4 shadow-sm">
          <p className="mb-2">{t("coaching:review.publish_intro")}</p>
          <SubmitButton name="intent" value="publish">
            {t("coaching:review.publish")}
          </SubmitButton>
        </Form>
      ) : null}

      <section aria-labelledby="lines-heading" className="space-y-3">
        <h2 id="lines-heading" className="text-lg font-semibold">
          {t("coaching:review.lines")}
        </h2>
        {lines.length === 0 ? <p>{t("coaching:review.nobody_waiting")}</p> : null}
        {lines.map((line) => (
          <article key={line.id} id={`line-${line.id}`} className="rounded-lg bg-white p-4 shadow-sm" aria-labelledby={`line-${line.id}-name`}>
            <h3 id={`line-${line.id}-name`} className="font-semibold">
              {line.candidate.nativeName}
              {line.candidate.latinName !== line.candidate.nativeName ? ` (${line.candidate.latinName})` : ""}
            </h3>
            <p className="text-sm">
              {line.coach ? t("coaching:review.coach", { coach: line.coach.name, score: line.score }) : t("coaching:review.no_coach")} ·{" "}
              {t(MATCH_STATUS_KEYS[line.status])}
              {line.adjusted ? ` · ${t("coaching:review.adjusted")}` : ""}
              {line.respondBy && line.status === "offered" ? ` · ${t("coaching:review.respond_by", { date: line.respondBy })}` : ""}
            </p>
            <ReasonList messages={line.messages} className="mt-1" />
            {line.status === "accepted" ? (
              <Link to={`/coach/matches/${line.id}`} className="text-sm text-brand-700 underline">
                {t("coaching:review.open_coaching")}
              </Link>
            ) : null}
            {draft ? (
              <Form method="post" className="mt-2 flex flex-wrap items-end gap-2">
                <input type="hidden" name="intent" value="adjust" />
                <input type="hidden" name="matchId" value={line.id} />
                <label className="text-sm" htmlFor={`coach-${line.id}`}>
                  {t("coaching:review.change_coach")}
                </label>
                <select id={`coach-${line.id}`} name="coachUserId" defaultValue={line.coach?.id ?? ""} className="rounded border border-slate-400 bg-white px-2 py-1">
                  <option value="">{t("coaching:review.leave_unassigned")}</option>
                  {coaches.map((coach) => (
                    <option key={coach.id} value={coach.id}>
                      {coach.displayName}
                    </option>
                  ))}
                </select>
                <button type="submit" className="rounded border border-brand-700 px-3 py-1 text-brand-700">
                  {t("coaching:review.save")}
                </button>
                {actionData?.matchId === line.id ? (
                  <ul role="alert" className="w-full text-sm text-red-700">
                    {actionData.errors.map((key) => (
                      <li key={key}>{t(key)}</li>
                    ))}
                  </ul>
                ) : null}
              </Form>
            ) : null}
          </article>
        ))}
      </section>
    </div>
  );
}
