import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Notice } from "~/components/form";
import { PlainSelect, Section, SmallButton } from "~/components/page-parts";
import { COACHING_FORMATS, FORMAT_LABEL_KEYS, HOURS, hourLabel, MATCH_STATUS_KEYS, type MatchStatus } from "~/domain/coaching/coaching";
import { i18next } from "~/i18n/i18next.server";
import { cancelCoachingRequest, candidateCoaching, requestCoaching } from "~/models/coaching.server";
import { requirePermission } from "~/utils/auth.server";
import { titled } from "~/utils/route-handle";

export const handle = titled("coaching:candidate.title");

const hour = z.coerce.number().int().min(0).max(24);

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("request"), hoursStart: hour, hoursEnd: hour, formats: z.array(z.enum(COACHING_FORMATS)).default([]) }),
  z.object({ intent: z.literal("cancel") }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "candidate.self");
  const coaching = await candidateCoaching(user.userId);
  if (!coaching) throw new Response("Not found", { status: 404 });
  const locale = await i18next.getLocale(request);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const url = new URL(request.url);
  return {
    ...coaching,
    match: coaching.match && {
      ...coaching.match,
      status: coaching.match.status as MatchStatus,
      actionItems: coaching.match.actionItems.map((s) => ({ ...s, heldOn: date.format(new Date(`${s.heldOn}T00:00:00Z`)) })),
    },
    saved: url.searchParams.get("saved") === "1",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "candidate.self");
  const form = await request.formData();
  const parsed = ActionSchema.safeParse({ ...Object.fromEntries(form), formats: form.getAll("formats") });
  if (!parsed.success) return data({ error: "coaching:candidate.errors.invalid" }, { status: 400 });
  if (parsed.data.intent === "cancel") await cancelCoachingRequest(user.userId);
  else await requestCoaching(user.userId, parsed.data);
  return redirect("/coaching?saved=1", 303);
}

export default function CoachingPage() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const hourOptions = HOURS.map((h) => ({ value: String(h), label: hourLabel(h) }));
  const { match } = page;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("coaching:candidate.title")}</h1>
      <p>{t("coaching:candidate.intro")}</p>
      {actionData?.error ? <Notice tone="error">{t(actionData.error)}</Notice> : null}
      {page.saved ? <Notice>{t("profile:saved")}</Notice> : null}
      {!page.consentCoaches ? (
        <Notice tone="error">
          {t("coaching:candidate.no_consent")}{" "}
          <Link to="/profile#consents" className="underline">
            {t("coaching:candidate.consent_link")}
          </Link>
        </Notice>
      ) : null}

      {match ? (
        <Section id="coach" title={t("coaching:candidate.your_coach")}>
          <p>
            {match.coachName ? t("coaching:candidate.coach_name", { coach: match.coachName }) : t("coaching:candidate.waiting_for_coach")} ·{" "}
            {t(MATCH_STATUS_KEYS[match.status])}
          </p>
          <h3 className="mt-3 font-semibold">{t("coaching:candidate.action_items")}</h3>
          {match.actionItems.length === 0 ? <p>{t("coaching:candidate.no_action_items")}</p> : null}
          {match.actionItems.map((session) => (
            <div key={session.heldOn} className="mt-2">
              <p className="text-sm text-slate-700">{session.heldOn}</p>
              <ul className="list-disc ps-5" dir="auto">
                {session.items.map((item, index) => (
                  <li key={index}>{item}</li>
                ))}
              </ul>
            </div>
          ))}
        </Section>
      ) : null}

      {!match || match.status === "offered" ? (
        <Section id="request" title={page.requested ? t("coaching:candidate.requested") : t("coaching:candidate.ask")}>
          <p className="mb-3 text-sm">{t("coaching:candidate.when_intro", { zone: page.timeZone ?? "UTC" })}</p>
          <Form method="post" className="space-y-3">
            <div className="flex flex-wrap gap-4">
              <PlainSelect id="hoursStart" name="hoursStart" label={t("coaching:candidate.hours_start")} defaultValue={String(page.hoursStart)} options={hourOptions} />
              <PlainSelect id="hoursEnd" name="hoursEnd" label={t("coaching:candidate.hours_end")} defaultValue={String(page.hoursEnd)} options={hourOptions} />
            </div>
            <fieldset>
              <legend className="font-medium">{t("coaching:candidate.formats")}</legend>
              {COACHING_FORMATS.map((format) => (
                <label key={format} className="me-4 inline-flex items-center gap-2">
                  <input type="checkbox" name="formats" value={format} defaultChecked={page.formats.includes(format)} />
                  {t(FORMAT_LABEL_KEYS[format])}
                </label>
              ))}
            </fieldset>
            <SmallButton value="request" tone="primary">
              {page.requested ? t("coaching:candidate.update") : t("coaching:candidate.ask_button")}
            </SmallButton>
          </Form>
          {page.requested ? (
            <Form method="post" className="mt-3">
              <SmallButton value="cancel" tone="danger">
                {t("coaching:candidate.cancel")}
              </SmallButton>
            </Form>
          ) : null}
        </Section>
      ) : null}
    </div>
  );
}
