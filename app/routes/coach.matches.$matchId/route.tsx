import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { EscoAttribution } from "~/components/esco-attribution";
import { ErrorList, Notice, SubmitButton, TextAreaField, TextField } from "~/components/form";
import { ReasonList } from "~/components/reasons";
import { FORMAT_LABEL_KEYS, MATCH_STATUS_KEYS, describeMatchReason, type MatchStatus } from "~/domain/coaching/coaching";
import { languageName } from "~/domain/profile/languages";
import { i18next } from "~/i18n/i18next.server";
import { listBadges, recommendBadge } from "~/models/badges.server";
import { logSession, presentMessages, viewMatchForStaff } from "~/models/coaching.server";
import { labelsFor } from "~/models/taxonomy.server";
import { requirePermission, requireUser } from "~/utils/auth.server";
import { titled } from "~/utils/route-handle";
import { MAX_ACTION_ITEMS, SessionSchema } from "./schema";

export const handle = titled("coaching:match.title");

/** Coaches see their own matches; program admins every match (read only). Nobody else. */
async function requireStaff(request: Request) {
  const user = await requireUser(request);
  return requirePermission(request, user.roles.includes("admin") ? "coaching.manage" : "coach.self");
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const match = await viewMatchForStaff(user, params.matchId ?? "");
  if (!match) throw new Response("Not found", { status: 404 });
  const locale = await i18next.getLocale(request);
  const [messages] = await presentMessages([match.reasons.map(describeMatchReason)], locale);
  const profile = match.candidate.profile;
  const labels = await labelsFor(profile?.skills.map((s) => s.conceptUri) ?? [], locale);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const canLog = match.isOwnCoach && match.status === "accepted";
  const url = new URL(request.url);
  return {
    id: match.id,
    status: match.status as MatchStatus,
    coachName: match.coachName,
    canLog,
    badges: canLog ? (await listBadges(locale)).map((b) => ({ slug: b.slug, name: b.name })) : [],
    recommended: url.searchParams.get("recommended") === "1",
    messages: messages ?? [],
    candidate: {
      latinName: match.candidate.latinName,
      nativeName: match.candidate.nativeName,
      profile: profile && {
        timeZone: profile.timeZone,
        desiredRoles: profile.desiredRoles,
        formats: profile.formats,
        languages: profile.languages.map((l) => ({ name: languageName(l.code, locale), level: l.level })),
        skills: profile.skills.map((s) => ({ uri: s.conceptUri, label: labels.get(s.conceptUri)?.label ?? s.conceptUri })),
      },
    },
    sessions: match.sessions.map((s) => ({ ...s, heldOn: date.format(new Date(`${s.heldOn}T00:00:00Z`)) })),
    today: new Date().toISOString().slice(0, 10),
  };
}

const RECOMMEND_ERRORS = {
  not_found: "badges:recommend.errors.not_found",
  already_awarded: "badges:request.errors.already_awarded",
  already_open: "badges:recommend.errors.already_open",
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "coach.self");
  const form = await request.formData();
  if (form.get("intent") === "recommend") {
    const result = await recommendBadge(user.userId, params.matchId ?? "", String(form.get("badge") ?? ""));
    if (result.status !== "ok") return data({ status: "error" as const, initialValue: null, error: { recommend: [RECOMMEND_ERRORS[result.status]] } }, { status: result.status === "not_found" ? 404 : 409 });
    return redirect(`/coach/matches/${params.matchId}?recommended=1#recommend`, 303);
  }
  const submission = parseWithZod(form, { schema: SessionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await logSession(user.userId, params.matchId ?? "", submission.value);
  if (result.status === "not_found") throw new Response("Not found", { status: 404 });
  if (result.status === "not_accepted") return data(submission.reply({ formErrors: ["coaching:session.errors.not_accepted"] }), { status: 409 });
  return redirect(`/coach/matches/${params.matchId}?logged=1#sessions`, 303);
}

export default function MatchPage() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const recommendErrors = lastResult?.error?.recommend ?? null;
  const [form, fields] = useForm<z.input<typeof SessionSchema>>({ id: "session-form", lastResult: recommendErrors ? undefined : lastResult, defaultValue: { heldOn: page.today } });
  const { candidate } = page;
  return (
    <div className="space-y-4">
      <p>
        <Link to="/coach" className="text-brand-700 underline">
          {t("coaching:match.back")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">
        {candidate.nativeName}
        {candidate.latinName !== candidate.nativeName ? ` (${candidate.latinName})` : ""}
      </h1>
      <p>
        {t(MATCH_STATUS_KEYS[page.status])} · {t("coaching:match.coach", { coach: page.coachName })}
      </p>
      <section aria-labelledby="why-heading" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="why-heading" className="mb-2 text-lg font-semibold">
          {t("coaching:match.why")}
        </h2>
        <ReasonList messages={page.messages} />
      </section>
      <section aria-labelledby="profile-heading" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="profile-heading" className="mb-2 text-lg font-semibold">
          {t("coaching:match.profile")}
        </h2>
        {candidate.profile ? (
          <dl className="space-y-2">
            <div>
              <dt className="font-medium">{t("coaching:match.languages")}</dt>
              <dd>{candidate.profile.languages.map((l) => `${l.name} ${l.level}`).join(", ")}</dd>
            </div>
            <div>
              <dt className="font-medium">{t("coaching:match.skills")}</dt>
              <dd>{candidate.profile.skills.map((s) => s.label).join(", ") || "—"}</dd>
            </div>
            <div>
              <dt className="font-medium">{t("coaching:match.desired_roles")}</dt>
              <dd dir="auto">{candidate.profile.desiredRoles.join(", ") || "—"}</dd>
            </div>
            <div>
              <dt className="font-medium">{t("coaching:match.time_zone")}</dt>
              <dd>{candidate.profile.timeZone ?? "—"}</dd>
            </div>
            <div>
              <dt className="font-medium">{t("coaching:match.formats")}</dt>
              <dd>{candidate.profile.formats.map((f) => t(FORMAT_LABEL_KEYS[f])).join(", ") || "—"}</dd>
            </div>
          </dl>
        ) : (
          <p>{t("coaching:match.no_consent")}</p>
        )}
        {candidate.profile && candidate.profile.skills.length > 0 ? <EscoAttribution /> : null}
      </section>
      <section id="sessions" aria-labelledby="sessions-heading" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="sessions-heading" className="mb-2 text-lg font-semibold">
          {t("coaching:match.sessions")}
        </h2>
        <p className="mb-3 text-sm text-slate-700">{t("coaching:match.notes_private")}</p>
        {page.sessions.length === 0 ? <p className="mb-3">{t("coaching:match.no_sessions")}</p> : null}
        <ul className="mb-4 space-y-3">
          {page.sessions.map((session) => (
            <li key={session.id} className="border-b border-slate-200 pb-2">
              <p className="font-medium">{session.heldOn}</p>
              <p className="whitespace-pre-line" dir="auto">
                {session.notes ?? t("coaching:match.notes_unreadable")}
              </p>
              {session.actionItems.length > 0 ? (
                <ul className="list-disc ps-5 text-sm" dir="auto">
                  {session.actionItems.map((item, index) => (
                    <li key={index}>{item}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
        {page.canLog ? (
          <Form method="post" {...getFormProps(form)} className="rounded border border-slate-200 p-3">
            <h3 className="mb-2 font-semibold">{t("coaching:session.title")}</h3>
            {form.errors ? <Notice tone="error">{form.errors.map((key) => t(key)).join(" ")}</Notice> : null}
            <TextField meta={fields.heldOn} type="date" label={t("coaching:session.held_on")} />
            <TextAreaField meta={fields.notes} label={t("coaching:session.notes")} hint={t("coaching:session.notes_hint")} rows={5} />
            <TextAreaField meta={fields.actionItems} label={t("coaching:session.action_items")} hint={t("coaching:session.action_items_hint", { count: MAX_ACTION_ITEMS })} rows={3} />
            {/* An error about one item (too long, hidden characters) is reported under the whole list. */}
            <ErrorList errors={Object.entries(fields.actionItems.allErrors ?? {}).flatMap(([name, errors]) => (name === fields.actionItems.name ? [] : errors))} />
            <SubmitButton>{t("coaching:session.save")}</SubmitButton>
          </Form>
        ) : null}
      </section>
      {page.canLog && page.badges.length > 0 ? (
        <section id="recommend" aria-labelledby="recommend-heading" className="rounded-lg bg-white p-4 shadow-sm">
          <h2 id="recommend-heading" className="mb-2 text-lg font-semibold">
            {t("badges:recommend.title")}
          </h2>
          <p className="mb-2 text-sm">{t("badges:recommend.intro")}</p>
          {page.recommended ? <Notice>{t("badges:recommend.done")}</Notice> : null}
          <ErrorList errors={recommendErrors} />
          <Form method="post" className="flex flex-wrap items-end gap-2">
            <input type="hidden" name="intent" value="recommend" />
            <label htmlFor="badge" className="text-sm">
              {t("badges:recommend.badge")}
            </label>
            <select id="badge" name="badge" className="rounded border border-slate-400 bg-white px-2 py-1">
              {page.badges.map((badge) => (
                <option key={badge.slug} value={badge.slug}>
                  {badge.name}
                </option>
              ))}
            </select>
            <SubmitButton>{t("badges:recommend.submit")}</SubmitButton>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
