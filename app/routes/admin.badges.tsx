import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { badgeLevelKey } from "~/domain/badges/assessment";
import { i18next } from "~/i18n/i18next.server";
import { adminBadgeList } from "~/models/badges.server";
import { requirePermission } from "~/utils/auth.server";
import { titled } from "~/utils/route-handle";

export const handle = titled("badges:admin.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "badge.manage");
  const locale = await i18next.getLocale(request);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const { badges, awards } = await adminBadgeList(locale);
  return {
    badges: badges.map((b) => ({ ...b, levelKey: badgeLevelKey(b.level) })),
    awards: awards.map((a) => ({ ...a, issuedAt: date.format(a.issuedAt) })),
  };
}

export default function AdminBadges() {
  const { t } = useTranslation();
  const { badges, awards } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("badges:admin.title")}</h1>
      <p>
        <Link to="/admin/badges/new" className="text-brand-700 underline">
          {t("badges:admin.new")}
        </Link>
      </p>
      <section aria-labelledby="definitions-heading" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="definitions-heading" className="mb-2 text-lg font-semibold">
          {t("badges:admin.definitions")}
        </h2>
        <ul className="space-y-1">
          {badges.map((badge) => (
            <li key={badge.slug}>
              <Link to={`/admin/badges/${badge.slug}`} className="text-brand-700 underline">
                {badge.name}
              </Link>{" "}
              · {t(badge.levelKey)} · {t("badges:admin.award_count", { count: badge.awards })}
              {badge.active ? "" : ` · ${t("badges:admin.inactive")}`}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="awards-heading" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="awards-heading" className="mb-2 text-lg font-semibold">
          {t("badges:admin.awards")}
        </h2>
        {awards.length === 0 ? <p>{t("badges:admin.no_awards")}</p> : null}
        <ul className="space-y-1">
          {awards.map((award) => (
            <li key={award.id}>
              <Link to={`/badges/${award.id}`} className="text-brand-700 underline">
                {award.name}
              </Link>{" "}
              · {award.issuedAt}
              {award.revoked ? ` · ${t("badges:verify.revoked")}` : ""}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
