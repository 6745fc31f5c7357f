import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Notice } from "~/components/form";
import { InterestCard } from "~/components/interest-card";
import { SmallButton } from "~/components/page-parts";
import { OFFER_STATUS_KEYS, PLACEMENT_STATUS_KEYS } from "~/domain/placements/offers";
import { INTRODUCTION_STATUS_KEYS } from "~/domain/slates/decisions";
import { answerOffer, candidateOffers } from "~/models/placements.server";
import { answerIntroduction, candidateIntroductions, candidateInterest } from "~/models/slates.server";
import { requirePermission } from "~/utils/auth.server";
import { titled } from "~/utils/route-handle";

export const handle = titled("slates:introductions.title");

const AnswerSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.enum(["accept", "decline"]), introductionId: z.string().min(1).max(100) }),
  z.object({ intent: z.enum(["accept_offer", "decline_offer"]), offerId: z.string().min(1).max(100) }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "candidate.self");
  const [introductions, offers, interest] = await Promise.all([candidateIntroductions(user.userId), candidateOffers(user.userId), candidateInterest(user.userId)]);
  return { introductions, offers, interest, answered: new URL(request.url).searchParams.has("answered") };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "candidate.self");
  const parsed = AnswerSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "slates:introductions.not_found" }, { status: 400 });
  const input = parsed.data;
  if ("offerId" in input) {
    const answer = await answerOffer(user.userId, input.offerId, input.intent === "accept_offer");
    if (answer.status === "not_found") return data({ error: "placements:offers.not_found" }, { status: 404 });
    if (answer.status === "already_answered") return data({ error: "placements:offers.already_answered" }, { status: 409 });
    return redirect("/introductions?answered=1", 303);
  }
  const result = await answerIntroduction(user.userId, input.introductionId, input.intent === "accept");
  if (result.status === "not_found") return data({ error: "slates:introductions.not_found" }, { status: 404 });
  if (result.status === "already_answered") return data({ error: "slates:introductions.already_answered" }, { status: 409 });
  return redirect("/introductions?answered=1", 303);
}

export default function IntroductionsPage() {
  const { t, i18n } = useTranslation();
  const { introductions, offers, interest, answered } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium" });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("slates:introductions.title")}</h1>
      <p>{t("slates:introductions.intro")}</p>
      {answered ? <Notice>{t("slates:introductions.answered")}</Notice> : null}
      {actionData?.error ? <Notice tone="error">{t(actionData.error)}</Notice> : null}
      {offers.length > 0 ? <Offers offers={offers} /> : null}
      {introductions.length === 0 ? <p>{t("slates:introductions.none")}</p> : null}
      <ul className="space-y-3">
        {introductions.map((intro) => {
          const money = intro.role.budgetPerHour !== null ? new Intl.NumberFormat(i18n.language, { style: "currency", currency: intro.role.currency, maximumFractionDigits: 0 }).format(intro.role.budgetPerHour) : null;
          return (
            <li key={intro.id} className="rounded-lg bg-white p-4 shadow-sm">
              <h2 className="text-lg font-semibold">
                <bdi>{t("slates:introductions.from", { employer: intro.role.organisation.name, role: intro.role.title })}</bdi>
              </h2>
              <p className="text-sm text-slate-700">
                {date.format(new Date(intro.createdAt))} · {t(INTRODUCTION_STATUS_KEYS[intro.status] ?? "slates:introductions.status.pending")}
              </p>
              <p lang={intro.role.language} dir="auto" className="my-2 whitespace-pre-line">
                {intro.role.description}
              </p>
              <p className="text-sm">
                {t("slates:introductions.details", { hours: intro.role.hoursPerWeek, zone: intro.role.timeZone })}
                {intro.role.durationWeeks ? ` · ${t("slates:introductions.duration", { count: intro.role.durationWeeks })}` : ""}
                {money ? ` · ${t("slates:introductions.budget", { amount: money })}` : ""}
              </p>
              {intro.status === "pending" ? (
                <Form method="post" className="mt-3 flex flex-wrap gap-3">
                  <input type="hidden" name="introductionId" value={intro.id} />
                  <SmallButton value="accept" tone="primary">
                    {t("slates:introductions.accept")}
                  </SmallButton>
                  <SmallButton value="decline">{t("slates:introductions.decline")}</SmallButton>
                </Form>
              ) : null}
            </li>
          );
        })}
      </ul>
      {interest ? <InterestCard interest={interest} /> : null}
    </div>
  );
}

function Offers({ offers }: { offers: ReturnType<typeof useLoaderData<typeof loader>>["offers"] }) {
  const { t, i18n } = useTranslation();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "long", timeZone: "UTC" });
  return (
    <section aria-labelledby="offers-heading" className="space-y-3">
      <h2 id="offers-heading" className="text-xl font-semibold">
        {t("placements:offers.title")}
      </h2>
      <ul className="space-y-3">
        {offers.map((offer) => {
          const rate = new Intl.NumberFormat(i18n.language, { style: "currency", currency: offer.currency }).format(Number(offer.rateAmount));
          return (
            <li key={offer.id} className="rounded-lg border-2 border-brand-600 bg-white p-4 shadow-sm">
              <h3 className="text-lg font-semibold">
                <bdi>{t("slates:introductions.from", { employer: offer.entry.slate.role.organisation.name, role: offer.entry.slate.role.title })}</bdi>
              </h3>
              <p>{t("placements:offers.terms", { rate, hours: offer.hoursPerWeek, start: date.format(new Date(`${offer.startDate}T00:00:00Z`)) })}</p>
              {offer.message ? (
                <p dir="auto" className="my-2 whitespace-pre-line">
                  {offer.message}
                </p>
              ) : null}
              <p className="text-sm font-medium">{t(OFFER_STATUS_KEYS[offer.status] ?? "placements:offers.status.pending")}</p>
              {offer.placement ? <p className="text-sm">{t(PLACEMENT_STATUS_KEYS[offer.placement.status] ?? "placements:status.handoff_pending")}</p> : null}
              {offer.status === "pending" ? (
                <Form method="post" className="mt-3 flex flex-wrap gap-3">
                  <input type="hidden" name="offerId" value={offer.id} />
                  <SmallButton value="accept_offer" tone="primary">
                    {t("placements:offers.accept")}
                  </SmallButton>
                  <SmallButton value="decline_offer">{t("placements:offers.decline")}</SmallButton>
                </Form>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
