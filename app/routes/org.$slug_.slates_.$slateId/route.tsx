import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Notice } from "~/components/form";
import { PlainSelect, SmallButton } from "~/components/page-parts";
import { SlateReasons } from "~/components/slate-parts";
import { availableDecisions, ENTRY_STATUS_KEYS, isEntryStatus, REJECT_REASON_KEYS, REJECT_REASONS } from "~/domain/slates/decisions";
import { i18next } from "~/i18n/i18next.server";
import { decideEntry, viewSlate } from "~/models/slates.server";
import { requireOrganisationPermission } from "~/utils/auth.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = {
  title: (t, data) => t("slates:slate.title", { role: (data as { slate?: { role: { title: string } } } | undefined)?.slate?.role.title ?? "" }),
};

const DecisionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.enum(["shortlist", "request_introduction", "offer"]), entryId: z.string().min(1).max(100) }),
  z.object({ intent: z.literal("reject"), entryId: z.string().min(1).max(100), reason: z.enum(REJECT_REASONS) }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, params.slug, "role.manage", "employer");
  const slate = await viewSlate(organisation.id, params.slateId ?? "", await i18next.getLocale(request));
  if (!slate) throw new Response("Not found", { status: 404 });
  return { organisation, slate };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organisation } = await requireOrganisationPermission(request, params.slug, "role.manage", "employer");
  const parsed = DecisionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "slates:slate.not_allowed" }, { status: 400 });
  const input = parsed.data;
  const result = await decideEntry({ actorUserId: user.userId, organisationId: organisation.id, entryId: input.entryId, decision: input.intent, reasonCode: input.intent === "reject" ? input.reason : null });
  if (result.status === "not_found") throw new Response("Not found", { status: 404 });
  if (result.status === "gone") return data({ error: "slates:slate.gone" }, { status: 409 });
  if (result.status === "not_allowed") return data({ error: "slates:slate.not_allowed" }, { status: 409 });
  return redirect(`/org/${organisation.slug}/slates/${params.slateId}#entry-${input.entryId}`, 303);
}

export default function SlatePage() {
  const { t, i18n } = useTranslation();
  const { organisation, slate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" });
  const base = `/org/${organisation.slug}`;
  const rejectOptions = REJECT_REASONS.map((r) => ({ value: r, label: t(REJECT_REASON_KEYS[r]) }));
  return (
    <div className="space-y-4">
      <p>
        <Link to={`${base}/roles/${slate.role.id}`} className="text-brand-700 underline">
          {t("slates:slate.back")}
        </Link>
      </p>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("slates:slate.title", { role: slate.role.title })}</h1>
        <a href={`${base}/slates/${slate.id}.csv`} className="rounded border border-slate-400 px-3 py-2" download>
          {t("slates:slate.export_csv")}
        </a>
      </div>
      <p className="text-sm text-slate-700">{t("slates:slate.meta", { date: date.format(new Date(slate.createdAt)), eligible: slate.eligibleCount, engine: slate.engineVersion })}</p>
      {slate.heldBack > 0 ? <p className="text-sm text-slate-700">{t("slates:slate.held_back", { count: slate.heldBack })}</p> : null}
      <Notice>{t("slates:slate.anonymous_note")}</Notice>
      {actionData?.error ? <Notice tone="error">{t(actionData.error)}</Notice> : null}
      {slate.entries.length === 0 ? <p>{t("slates:slate.empty")}</p> : null}
      <ol className="space-y-3">
        {slate.entries.map((entry) => (
          <li key={entry.id} id={`entry-${entry.id}`} className="scroll-mt-4 rounded-lg bg-white p-4 shadow-sm">
            <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="text-lg font-semibold">
                {t("slates:slate.rank", { rank: entry.rank })} · <span dir="ltr">{entry.reference}</span>
              </h2>
              <span className="text-sm">
                {t("slates:slate.score", { score: entry.score })} · <strong>{isEntryStatus(entry.status) ? t(ENTRY_STATUS_KEYS[entry.status]) : entry.status}</strong>
                {entry.rejectReason && entry.status === "rejected" ? ` (${t(REJECT_REASON_KEYS[REJECT_REASONS.find((r) => r === entry.rejectReason) ?? "other"])})` : ""}
              </span>
            </div>
            {entry.introduced ? (
              <Notice>
                {t("slates:slate.introduced", { name: entry.introduced.name })}
                <br />
                {entry.introduced.email ? t("slates:slate.contact", { email: entry.introduced.email }) : t("slates:slate.no_contact")}
              </Notice>
            ) : null}
            <SlateReasons reasons={entry.reasons} />
            <div className="mt-3 grid gap-3 sm:grid-cols-2">
              <div>
                <h3 className="font-medium">{t("slates:slate.experience")}</h3>
                {entry.experience.length === 0 ? (
                  <p className="text-sm">{t("slates:slate.no_experience")}</p>
                ) : (
                  <ul className="list-disc ps-5 text-sm">
                    {entry.experience.map((line, i) => (
                      <li key={i}>
                        <bdi>{line.title}</bdi>
                        {line.months !== null ? ` · ${t("slates:slate.months", { count: line.months })}` : ""}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              {entry.badges.length > 0 ? (
                <div>
                  <h3 className="font-medium">{t("slates:slate.badges")}</h3>
                  <ul className="list-disc ps-5 text-sm">
                    {entry.badges.map((badge) => (
                      <li key={badge}>{badge}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </div>
            <EntryDecisions entryId={entry.id} status={entry.status} rejectOptions={rejectOptions} />
          </li>
        ))}
      </ol>
    </div>
  );
}

function EntryDecisions({ entryId, status, rejectOptions }: { entryId: string; status: string; rejectOptions: Array<{ value: string; label: string }> }) {
  const { t } = useTranslation();
  const decisions = availableDecisions(status);
  if (decisions.length === 0) return null;
  return (
    <div className="mt-3 flex flex-wrap items-end gap-3 border-t border-slate-100 pt-3" role="group" aria-label={t("slates:slate.decision")}>
      {decisions.includes("shortlist") ? (
        <Form method="post">
          <input type="hidden" name="entryId" value={entryId} />
          <SmallButton value="shortlist">{t("slates:slate.shortlist")}</SmallButton>
        </Form>
      ) : null}
      {decisions.includes("request_introduction") ? (
        <Form method="post">
          <input type="hidden" name="entryId" value={entryId} />
          <SmallButton value="request_introduction" tone="primary">
            {t("slates:slate.request_introduction")}
          </SmallButton>
        </Form>
      ) : null}
      {decisions.includes("offer") ? (
        <Form method="post">
          <input type="hidden" name="entryId" value={entryId} />
          <SmallButton value="offer" tone="primary">
            {t("slates:slate.offer")}
          </SmallButton>
        </Form>
      ) : null}
      {decisions.includes("reject") ? (
        <Form method="post" className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="entryId" value={entryId} />
          <PlainSelect id={`reject-reason-${entryId}`} name="reason" label={t("slates:slate.reject_reason")} defaultValue="skills_gap" options={rejectOptions} />
          <SmallButton value="reject" tone="danger">
            {t("slates:slate.reject")}
          </SmallButton>
        </Form>
      ) : null}
    </div>
  );
}
