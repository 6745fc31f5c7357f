import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/form";
import { badgeLevelKey } from "~/domain/badges/assessment";
import { i18next } from "~/i18n/i18next.server";
import { candidateCertification, listBadges } from "~/models/badges.server";
import { requirePermission } from "~/utils/auth.server";
import { titled } from "~/utils/route-handle";

export const handle = titled("badges:catalogue.title");

const REQUEST_STATUS_KEYS: Record<string, string> = {
  awaiting_evidence: "badges:status.awaiting_evidence",
  submitted: "badges:status.submitted",
  passed: "badges:status.passed",
  failed: "badges:status.failed",
};
const AWARD_STATE_KEYS: Record<string, string> = {
  valid: "badges:verify.valid",
  revoked: "badges:verify.revoked",
  expired: "badges:verify.expired",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "candidate.self");
  const locale = await i18next.getLocale(request);
  const [badges, mine] = await Promise.all([listBadges(locale), candidateCertification(user.userId, locale)]);
  if (!mine) throw new Response("Not found", { status: 404 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  return {
    badges: badges.map((b) => ({ slug: b.slug, name: b.name, language: b.language, description: b.description, levelKey: badgeLevelKey(b.level) })),
    requests: mine.requests.map((r) => ({ ...r, createdAt: date.format(r.createdAt) })),
    awards: mine.awards.map((a) => ({ ...a, issuedAt: date.format(a.issuedAt) })),
    submitted: new URL(request.url).searchParams.get("submitted") === "1",
  };
}

export default function Certification() {
  const { t } = useTranslation();
  const { badges, requests, awards, submitted } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("badges:catalogue.title")}</h1>
      <p>{t("badges:catalogue.intro")}</p>
      {submitted ? <Notice>{t("badges:catalogue.submitted")}</Notice> : null}
      <section aria-labelledby="awards-heading" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="awards-heading" className="mb-2 text-lg font-semibold">
          {t("badges:catalogue.my_badges")}
        </h2>
        {awards.length === 0 ? <p>{t("badges:catalogue.no_badges")}</p> : null}
        <ul className="space-y-1">
          {awards.map((award) => (
            <li key={award.id}>
              <Link to={`/badges/${award.id}`} className="text-brand-700 underline">
                {award.name}
              </Link>{" "}
              · {award.issuedAt} · {t(AWARD_STATE_KEYS[award.state] ?? "badges:verify.valid")}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="requests-heading" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="requests-heading" className="mb-2 text-lg font-semibold">
          {t("badges:catalogue.my_requests")}
        </h2>
        {requests.length === 0 ? <p>{t("badges:catalogue.no_requests")}</p> : null}
        <ul className="space-y-2">
          {requests.map((r) => (
            <li key={r.id}>
              <span className="font-medium">{r.name}</span> · {r.createdAt} · {t(REQUEST_STATUS_KEYS[r.status] ?? "badges:status.submitted")}
              {r.status === "awaiting_evidence" || r.status === "failed" ? (
                <>
                  {" "}
                  ·{" "}
                  <Link to={`/certification/${r.slug}`} className="text-brand-700 underline">
                    {r.status === "failed" ? t("badges:catalogue.try_again") : t("badges:catalogue.add_evidence")}
                  </Link>
                </>
              ) : null}
              {r.feedback ? (
                <p className="whitespace-pre-line text-sm" dir="auto">
                  {t("badges:catalogue.feedback", { feedback: r.feedback })}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="catalogue-heading" className="space-y-3">
        <h2 id="catalogue-heading" className="text-lg font-semibold">
          {t("badges:catalogue.available")}
        </h2>
        {badges.map((badge) => (
          <article key={badge.slug} className="rounded-lg bg-white p-4 shadow-sm">
            <h3 className="font-semibold" lang={badge.language}>
              <Link to={`/certification/${badge.slug}`} className="text-brand-700 underline">
                {badge.name}
              </Link>
            </h3>
            <p className="text-sm">{t(badge.levelKey)}</p>
            <p lang={badge.language}>{badge.description}</p>
          </article>
        ))}
      </section>
    </div>
  );
}
