import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { EscoAttribution } from "~/components/esco-attribution";
import { Notice, SubmitButton } from "~/components/form";
import { badgeLevelKey } from "~/domain/badges/assessment";
import { i18next } from "~/i18n/i18next.server";
import { badgeUrls, publicAward, revokeAward } from "~/models/badges.server";
import type { RootLoaderData } from "~/root";
import { requirePermission } from "~/utils/auth.server";
import { titled } from "~/utils/route-handle";
import { freeText } from "~/utils/validation";

export const handle = titled("badges:verify.title");

export const meta: MetaFunction<typeof loader> = ({ data: page }) => (page ? [{ property: "og:title", content: page.badge.name }] : []);

const STATE_KEYS = {
  valid: "badges:verify.valid",
  revoked: "badges:verify.revoked",
  expired: "badges:verify.expired",
  invalid: "badges:verify.invalid",
} as const;

/** Public: anyone with the link can check a badge, without signing in. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await i18next.getLocale(request);
  const award = await publicAward(params.awardId ?? "", locale);
  if (!award) throw new Response("Not found", { status: 404 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
  const urls = badgeUrls();
  const issued = award.issuedAt;
  const linkedIn = new URL("https://www.linkedin.com/profile/add");
  linkedIn.search = new URLSearchParams({
    startTask: "CERTIFICATION_NAME",
    name: award.badge.name,
    organizationName: "Harbor Program",
    issueYear: String(issued.getUTCFullYear()),
    issueMonth: String(issued.getUTCMonth() + 1),
    certUrl: urls.award(award.id),
    certId: award.id,
  }).toString();
  return {
    id: award.id,
    state: award.state.state,
    reason: award.state.state === "revoked" ? award.state.reason : null,
    changedAt: award.state.state === "revoked" || award.state.state === "expired" ? date.format(award.state.at) : null,
    issuedAt: date.format(issued),
    badge: { ...award.badge, levelKey: badgeLevelKey(award.badge.level) },
    credentialUrl: urls.credential(award.id),
    imageUrl: `/badge-images/${award.badge.slug}.svg?lng=${award.badge.language}`,
    linkedIn: linkedIn.toString(),
  };
}

const RevokeSchema = z.object({ reason: freeText(300) });

/** A program admin revokes, with a reason the page shows. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "badge.manage");
  const parsed = RevokeSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: parsed.error.issues[0]?.message ?? "validation:required" }, { status: 400 });
  const result = await revokeAward(user.userId, params.awardId ?? "", parsed.data.reason);
  if (result === "not_found") throw new Response("Not found", { status: 404 });
  if (result === "already_revoked") return data({ error: "badges:verify.already_revoked" }, { status: 409 });
  return redirect(`/badges/${params.awardId}`, 303);
}

export default function VerifyBadge() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const root = useRouteLoaderData<RootLoaderData>("root");
  const isAdmin = root?.user?.roles.includes("admin") ?? false;
  const valid = page.state === "valid";
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("badges:verify.title")}</h1>
      <section aria-labelledby="status-heading" className={`rounded-lg border-2 p-4 ${valid ? "border-green-700 bg-green-50" : "border-red-700 bg-red-50"}`}>
        <h2 id="status-heading" className="text-xl font-semibold" data-testid="badge-state">
          {t(STATE_KEYS[page.state])}
        </h2>
        {page.state === "revoked" ? <p>{t("badges:verify.revoked_detail", { date: page.changedAt, reason: page.reason ?? "—" })}</p> : null}
        {page.state === "expired" ? <p>{t("badges:verify.expired_detail", { date: page.changedAt })}</p> : null}
        {valid ? <p>{t("badges:verify.valid_detail", { date: page.issuedAt })}</p> : null}
      </section>
      <section aria-labelledby="badge-heading" className="flex flex-wrap gap-4 rounded-lg bg-white p-4 shadow-sm">
        <img src={page.imageUrl} alt="" width={160} height={160} />
        <div className="min-w-0 flex-1 space-y-2">
          <h2 id="badge-heading" className="text-lg font-semibold" lang={page.badge.language}>
            {page.badge.name}
          </h2>
          <p className="text-sm">{t(page.badge.levelKey)}</p>
          <p lang={page.badge.language}>{page.badge.description}</p>
          <h3 className="font-medium">{t("badges:verify.criteria")}</h3>
          <p lang={page.badge.language}>{page.badge.criteria}</p>
          <h3 className="font-medium">{t("badges:verify.assessed")}</h3>
          <ul className="list-disc ps-5" lang={page.badge.language}>
            {page.badge.rubric.map((item) => (
              <li key={item.id}>{item.text}</li>
            ))}
          </ul>
          <h3 className="font-medium">{t("badges:verify.skills")}</h3>
          <ul className="list-disc ps-5">
            {page.badge.skills.map((skill) => (
              <li key={skill.uri}>{skill.label}</li>
            ))}
          </ul>
          <EscoAttribution />
        </div>
      </section>
      <section aria-labelledby="share-heading" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="share-heading" className="mb-2 text-lg font-semibold">
          {t("badges:verify.share")}
        </h2>
        <ul className="space-y-1">
          <li>
            <a href={page.credentialUrl} className="text-brand-700 underline">
              {t("badges:verify.download")}
            </a>
          </li>
          <li>
            <a href={page.linkedIn} rel="noopener noreferrer" className="text-brand-700 underline">
              {t("badges:verify.linkedin")}
            </a>
          </li>
        </ul>
        <p className="mt-2 text-sm text-slate-700">{t("badges:verify.how")}</p>
      </section>
      {isAdmin && page.state !== "revoked" ? (
        <Form method="post" className="rounded-lg bg-white p-4 shadow-sm">
          <h2 className="mb-2 text-lg font-semibold">{t("badges:verify.revoke_title")}</h2>
          {actionData?.error ? <Notice tone="error">{t(actionData.error)}</Notice> : null}
          <label htmlFor="reason" className="mb-1 block font-medium">
            {t("badges:verify.reason")}
          </label>
          <input id="reason" name="reason" required maxLength={300} className="mb-3 w-full rounded border border-slate-400 px-3 py-2" />
          <SubmitButton>{t("badges:verify.revoke")}</SubmitButton>
        </Form>
      ) : null}
    </div>
  );
}
