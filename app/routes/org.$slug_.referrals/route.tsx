import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isPipelineStage, PIPELINE_STAGE_KEYS } from "~/domain/candidates/pipeline";
import { REFERRAL_STATUSES, REFERRAL_STATUS_KEYS } from "~/domain/intake/referral-messages";
import { listReferrals } from "~/models/referral.server";
import { requireOrganisationPermission } from "~/utils/auth.server";
import { titled } from "~/utils/route-handle";

export const handle = titled("intake:referrals.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, params.slug, "referral.view", "ngo");
  const url = new URL(request.url);
  const status = REFERRAL_STATUSES.find((s) => s === url.searchParams.get("status"));
  const search = (url.searchParams.get("q") ?? "").slice(0, 100);
  const page = await listReferrals({ organisationId: organisation.id, status, search, cursor: url.searchParams.get("cursor") });
  return { organisation, status: status ?? "", search, ...page };
}

export default function ReferralsPage() {
  const { t, i18n } = useTranslation();
  const { organisation, status, search, items, nextCursor } = useLoaderData<typeof loader>();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium" });
  const base = `/org/${organisation.slug}`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("intake:referrals.title")}</h1>
        <div className="flex flex-wrap gap-2">
          <Link to={`${base}/referrals/new`} className="rounded bg-brand-700 px-3 py-2 text-white">
            {t("intake:referrals.new")}
          </Link>
          <Link to={`${base}/referrals/upload`} className="rounded border border-brand-700 px-3 py-2 text-brand-700">
            {t("intake:referrals.upload")}
          </Link>
          <a href={`${base}/referrals.csv${status ? `?status=${status}` : ""}`} className="rounded border border-slate-400 px-3 py-2" download>
            {t("intake:referrals.export_csv")}
          </a>
        </div>
      </div>
      <Form method="get" className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="q" className="mb-1 block text-sm font-medium">
            {t("intake:referrals.search")}
          </label>
          <input id="q" name="q" type="search" defaultValue={search} className="rounded border border-slate-400 bg-white px-2 py-2" />
        </div>
        <div>
          <label htmlFor="status" className="mb-1 block text-sm font-medium">
            {t("intake:referrals.filter_status")}
          </label>
          <select id="status" name="status" defaultValue={status} className="rounded border border-slate-400 bg-white px-2 py-2">
            <option value="">{t("intake:referrals.all")}</option>
            {REFERRAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(REFERRAL_STATUS_KEYS[s] ?? "intake:status.referred")}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded border border-slate-400 px-3 py-2">
          {t("intake:referrals.apply")}
        </button>
      </Form>
      <section className="overflow-x-auto rounded-lg bg-white p-4 shadow-sm">
        {items.length === 0 ? (
          <p>{t("intake:referrals.none")}</p>
        ) : (
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-2 text-start">{t("intake:fields.name")}</th>
                <th scope="col" className="py-2 text-start">{t("intake:referrals.status")}</th>
                <th scope="col" className="py-2 text-start">{t("intake:referrals.stage")}</th>
                <th scope="col" className="py-2 text-start">{t("intake:referrals.referred_on")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id} className="border-b border-slate-100">
                  <td className="py-2">
                    <Link to={`${base}/referrals/${r.id}`} className="text-brand-700 underline">
                      {r.givenName} {r.familyName}
                    </Link>
                    {r.externalId ? <div className="text-slate-700" dir="ltr">{r.externalId}</div> : null}
                  </td>
                  <td className="py-2">{t(REFERRAL_STATUS_KEYS[r.status] ?? "intake:status.referred")}</td>
                  <td className="py-2">{r.stage && isPipelineStage(r.stage) ? t(PIPELINE_STAGE_KEYS[r.stage]) : "—"}</td>
                  <td className="py-2">{date.format(new Date(r.createdAt))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {nextCursor ? (
          <Link to={`?${new URLSearchParams({ ...(status ? { status } : {}), ...(search ? { q: search } : {}), cursor: nextCursor })}`} className="mt-3 inline-block text-brand-700 underline">
            {t("intake:referrals.more")}
          </Link>
        ) : null}
      </section>
    </div>
  );
}
