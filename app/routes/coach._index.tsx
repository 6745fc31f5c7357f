import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Notice } from "~/components/form";
import { ReasonList } from "~/components/reasons";
import { describeMatchReason } from "~/domain/coaching/coaching";
import { i18next } from "~/i18n/i18next.server";
import { answerOffer, coachDashboard, presentMessages } from "~/models/coaching.server";
import { requirePermission } from "~/utils/auth.server";
import { titled } from "~/utils/route-handle";

export const handle = titled("coaching:coach.title");

const AnswerSchema = z.object({ matchId: z.string().min(1).max(100), intent: z.enum(["accept", "decline"]) });

const ANSWER_ERRORS = {
  not_found: "coaching:coach.errors.not_found",
  not_offered: "coaching:coach.errors.not_offered",
  expired: "coaching:coach.errors.expired",
} as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "coach.self");
  const locale = await i18next.getLocale(request);
  const matches = await coachDashboard(user.userId);
  const utc = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const date = { format: (at: Date) => `${utc.format(at)} UTC` };
  const messages = await presentMessages(matches.map((m) => m.reasons.map(describeMatchReason)), locale);
  const lines = matches.map((m, index) => ({
    id: m.id,
    status: m.status,
    respondBy: m.respondBy && date.format(m.respondBy),
    candidate: m.candidate,
    sessions: m.sessions,
    messages: messages[index] ?? [],
  }));
  return { offers: lines.filter((l) => l.status === "offered"), coachees: lines.filter((l) => l.status === "accepted") };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "coach.self");
  const parsed = AnswerSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "coaching:coach.errors.not_found" }, { status: 400 });
  const result = await answerOffer(user.userId, parsed.data.matchId, parsed.data.intent);
  if (result.status !== "ok") return data({ error: ANSWER_ERRORS[result.status] }, { status: result.status === "not_found" ? 404 : 409 });
  return redirect(`/coach?answered=${parsed.data.intent}`, 303);
}

export default function CoachDashboard() {
  const { t } = useTranslation();
  const { offers, coachees } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("coaching:coach.title")}</h1>
      {actionData?.error ? <Notice tone="error">{t(actionData.error)}</Notice> : null}
      <p>
        <Link to="/coach/profile" className="text-brand-700 underline">
          {t("coaching:coach.edit_profile")}
        </Link>
      </p>
      <section aria-labelledby="offers-heading" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="offers-heading" className="mb-2 text-lg font-semibold">
          {t("coaching:coach.offers")}
        </h2>
        {offers.length === 0 ? <p>{t("coaching:coach.no_offers")}</p> : null}
        <ul className="space-y-4">
          {offers.map((offer) => (
            <li key={offer.id} className="border-b border-slate-200 pb-3">
              <p className="font-semibold">{offer.candidate.latinName}</p>
              <p className="text-sm">{t("coaching:coach.respond_by", { date: offer.respondBy })}</p>
              <ReasonList messages={offer.messages} className="my-1" />
              <Form method="post" className="flex flex-wrap gap-2">
                <input type="hidden" name="matchId" value={offer.id} />
                <button type="submit" name="intent" value="accept" className="rounded bg-brand-700 px-3 py-2 text-white">
                  {t("coaching:coach.accept")}
                </button>
                <button type="submit" name="intent" value="decline" className="rounded border border-slate-500 px-3 py-2">
                  {t("coaching:coach.decline")}
                </button>
                <Link to={`/coach/matches/${offer.id}`} className="self-center text-brand-700 underline">
                  {t("coaching:coach.view_profile")}
                </Link>
              </Form>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="coachees-heading" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="coachees-heading" className="mb-2 text-lg font-semibold">
          {t("coaching:coach.coachees")}
        </h2>
        {coachees.length === 0 ? <p>{t("coaching:coach.no_coachees")}</p> : null}
        <ul className="space-y-2">
          {coachees.map((coachee) => (
            <li key={coachee.id}>
              <Link to={`/coach/matches/${coachee.id}`} className="text-brand-700 underline">
                {coachee.candidate.latinName}
              </Link>{" "}
              · {t("coaching:coach.session_count", { count: coachee.sessions })}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
