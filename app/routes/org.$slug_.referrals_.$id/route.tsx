import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EscoAttribution } from "~/components/esco-attribution";
import { Notice, SubmitButton } from "~/components/form";
import { REFERRAL_STATUS_KEYS } from "~/domain/intake/referral-messages";
import { isPipelineStage, PIPELINE_STAGE_KEYS } from "~/domain/candidates/pipeline";
import { languageName } from "~/domain/profile/languages";
import { requestCoachingForReferral } from "~/models/coaching.server";
import { viewReferral } from "~/models/referral.server";
import { labelsFor } from "~/models/taxonomy.server";
import { requireOrganisationPermission } from "~/utils/auth.server";
import { titled } from "~/utils/route-handle";
import { i18next } from "~/i18n/i18next.server";

export const handle = titled("intake:referral.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, organisation } = await requireOrganisationPermission(request, params.slug, "referral.view", "ngo");
  const view = await viewReferral(user, organisation.id, params.id ?? "");
  if (!view) throw new Response("Not found", { status: 404 });
  const locale = await i18next.getLocale(request);
  const labels = view.profile ? await labelsFor(view.profile.skills.map((s) => s.conceptUri), locale) : new Map();
  return {
    organisation,
    ...view,
    skills: view.profile?.skills.map((s) => ({ ...s, label: labels.get(s.conceptUri)?.label ?? s.conceptUri })) ?? [],
    languageNames: Object.fromEntries((view.profile?.languages ?? []).map((l) => [l.code, languageName(l.code, locale)])),
  };
}

/** The one thing an NGO does here: ask for a coach for the person it referred. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organisation } = await requireOrganisationPermission(request, params.slug, "referral.create", "ngo");
  const result = await requestCoachingForReferral(user, organisation.id, params.id ?? "");
  if (result === "not_found") throw new Response("Not found", { status: 404 });
  return redirect(`/org/${organisation.slug}/referrals/${params.id}`, 303);
}

export default function ReferralPage() {
  const { t } = useTranslation();
  const { organisation, referral, stage, profile, consentWithheld, skills, languageNames } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <Link to={`/org/${organisation.slug}/referrals`} className="text-brand-700 underline">
        {t("intake:referrals.title")}
      </Link>
      <h1 className="text-2xl font-bold">
        {referral.givenName} {referral.familyName}
      </h1>
      <dl className="grid gap-2 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-2">
        <div>
          <dt className="text-sm text-slate-700">{t("intake:referrals.status")}</dt>
          <dd>{t(REFERRAL_STATUS_KEYS[referral.status] ?? "intake:status.referred")}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-700">{t("intake:referrals.stage")}</dt>
          <dd>{stage && isPipelineStage(stage) ? t(PIPELINE_STAGE_KEYS[stage]) : "—"}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-700">{t("intake:fields.contact")}</dt>
          <dd dir="ltr" className="text-start">{[referral.email, referral.phone].filter(Boolean).join(" · ") || "—"}</dd>
        </div>
        {referral.externalId ? (
          <div>
            <dt className="text-sm text-slate-700">{t("intake:fields.externalId")}</dt>
            <dd dir="ltr" className="text-start">{referral.externalId}</dd>
          </div>
        ) : null}
      </dl>
      {consentWithheld ? <Notice>{t("intake:referral.consent_withheld")}</Notice> : null}
      {profile ? (
        <section className="rounded-lg bg-white p-4 shadow-sm">
          <h2 className="mb-2 text-lg font-semibold">{t("intake:referral.profile")}</h2>
          <p>
            {profile.nativeName} ({profile.latinName})
          </p>
          <h3 className="mt-3 font-medium">{t("intake:fields.languages")}</h3>
          <ul className="list-disc ps-6">
            {profile.languages.map((l) => (
              <li key={l.code}>
                {languageNames[l.code]} — {l.level}
              </li>
            ))}
          </ul>
          <h3 className="mt-3 font-medium">{t("intake:fields.skills")}</h3>
          <ul className="list-disc ps-6">
            {skills.map((s) => (
              <li key={s.conceptUri}>{s.label}</li>
            ))}
          </ul>
          <EscoAttribution />
          <h3 className="mt-3 font-medium">{t("intake:referral.coaching")}</h3>
          {profile.coachingRequested ? (
            <p>{t("intake:referral.coaching_requested")}</p>
          ) : (
            <Form method="post">
              <p className="mb-2 text-sm">{t("intake:referral.coaching_intro")}</p>
              <SubmitButton>{t("intake:referral.request_coaching")}</SubmitButton>
            </Form>
          )}
        </section>
      ) : null}
    </div>
  );
}
