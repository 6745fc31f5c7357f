import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Notice } from "~/components/form";
import { PlainSelect, SmallButton } from "~/components/page-parts";
import { SlateReasons } from "~/components/slate-parts";
import { availableDecisions, ENTRY_STATUS_KEYS, isEntryStatus, REJECT_REASON_KEYS, REJECT_REASONS } from "~/domain/slates/decisions";
import { i18next } from "~/i18n/i18next.server";
import { normaliseRate } from "~/domain/placements/offers";
import { makeOffer } from "~/models/placements.server";
import { decideEntry, viewSlate } from "~/models/slates.server";
import { hasUnsafe } from "~/utils/validation";
import { requireOrganisationPermission } from "~/utils/auth.server";
import type { RouteHandle } from "~/utils/route-handle";

export const handle: RouteHandle = {
  title: (t, data) => t("slates:slate.title", { role: (data as { slate?: { role: { title: string } } } | undefined)?.slate?.role.title ?? "" }),
};

const entryId = z.string().min(1).max(100);
const DecisionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.enum(["shortlist", "request_introduction"]), entryId }),
  z.object({ intent: z.literal("reject"), entryId, reason: z.enum(REJECT_REASONS) }),
  z.object({
    intent: z.literal("offer"),
    entryId,
    rateAmount: z.string().transform((text, ctx) => normaliseRate(text) ?? (ctx.addIssue({ code: "custom", message: "placements:offer.errors.rate", path: ["rateAmount"] }), z.NEVER)),
    hoursPerWeek: z.coerce.number("placements:offer.errors.hours").int("placements:offer.errors.hours").min(1, "placements:offer.errors.hours").max(60, "placements:offer.errors.hours"),
    startDate: z.iso.date("placements:offer.errors.start_date").refine((date) => date >= new Date().toISOString().slice(0, 10), "placements:offer.errors.start_date"),
    message: z.string().max(2000, "validation:too_long").refine((text) => !hasUnsafe(text, true), "validation:unsafe_characters").default(""),
  }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, params.slug, "role.manage", "employer");
  const slate = await viewSlate(organisation.id, params.slateId ?? "", await i18next.getLocale(request));
  if (!slate) throw new Response("Not found", { status: 404 });
  return { organisation, slate };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organisation } = await requireOrganisationPermission(request, params.slug, "role.manage", "employer");
  const form = Object.fromEntries(await request.formData());
  const parsed = DecisionSchema.safeParse(form);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => issue.message).filter((message) => /^(placements|validation):/.test(message));
    return data({ error: errors.length ? null : "slates:slate.not_allowed", offerErrors: errors, entryId: String(form.entryId ?? ""), values: form }, { status: 400 });
  }
  const input = parsed.data;
  const result =
    input.intent === "offer"
      ? await makeOffer({ actorUserId: user.userId, organisationId: organisation.id, entryId: input.entryId, terms: { rateAmount: input.rateAmount, hoursPerWeek: input.hoursPerWeek, startDate: input.startDate, message: input.message.normalize("NFC").trim() } })
      : await decideEntry({ actorUserId: user.userId, organisationId: organisation.id, entryId: input.entryId, decision: input.intent, reasonCode: input.intent === "reject" ? input.reason : null });
  if (result.status === "not_found") throw new Response("Not found", { status: 404 });
  if (result.status === "gone") return data({ error: "slates:slate.gone", offerErrors: [], entryId: input.entryId, values: {} }, { status: 409 });
  if (result.status === "not_allowed") return data({ error: "slates:slate.not_allowed", offerErrors: [], entryId: input.entryId, values: {} }, { status: 409 });
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
            <EntryDecisions
              entryId={entry.id}
              status={entry.status}
              rejectOptions={rejectOptions}
              offer={actionData && actionData.entryId === entry.id ? { errors: actionData.offerErrors, values: actionData.values as Record<string, string> } : null}
            />
          </li>
        ))}
      </ol>
    </div>
  );
}

function EntryDecisions({
  entryId,
  status,
  rejectOptions,
  offer,
}: {
  entryId: string;
  status: string;
  rejectOptions: Array<{ value: string; label: string }>;
  offer: { errors: string[]; values: Record<string, string> } | null;
}) {
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
      {decisions.includes("offer") ? <OfferForm entryId={entryId} errors={offer?.errors ?? []} values={offer?.values ?? {}} /> : null}
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

/** The terms of an offer; what was typed comes back with the errors. */
function OfferForm({ entryId, errors, values }: { entryId: string; errors: string[]; values: Record<string, string> }) {
  const { t } = useTranslation();
  const field = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement>) => (
    <div>
      <label htmlFor={`${name}-${entryId}`} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <input id={`${name}-${entryId}`} name={name} defaultValue={values[name] ?? ""} className="rounded border border-slate-400 bg-white px-2 py-1" {...props} />
    </div>
  );
  return (
    <Form method="post" className="w-full space-y-2 rounded border border-slate-200 p-3">
      <h3 className="font-medium">{t("placements:offer.title")}</h3>
      {errors.length > 0 ? (
        <ul role="alert" className="text-sm text-red-700">
          {errors.map((error) => (
            <li key={error}>{t(error)}</li>
          ))}
        </ul>
      ) : null}
      <input type="hidden" name="entryId" value={entryId} />
      <div className="flex flex-wrap gap-3">
        {field("rateAmount", t("placements:offer.rate"), { inputMode: "decimal", dir: "ltr", required: true })}
        {field("hoursPerWeek", t("placements:offer.hours"), { type: "number", min: 1, max: 60, required: true })}
        {field("startDate", t("placements:offer.start_date"), { type: "date", required: true })}
      </div>
      <div>
        <label htmlFor={`message-${entryId}`} className="mb-1 block text-sm font-medium">
          {t("placements:offer.message")}
        </label>
        <textarea id={`message-${entryId}`} name="message" rows={3} dir="auto" defaultValue={values.message ?? ""} className="w-full rounded border border-slate-400 bg-white px-2 py-1" />
      </div>
      <SmallButton value="offer" tone="primary">
        {t("slates:slate.offer")}
      </SmallButton>
    </Form>
  );
}
