import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Notice } from "~/components/form";
import { InterestCard } from "~/components/interest-card";
import { SmallButton } from "~/components/page-parts";
import { INTRODUCTION_STATUS_KEYS } from "~/domain/slates/decisions";
import { answerIntroduction, candidateIntroductions, candidateInterest } from "~/models/slates.server";
import { requirePermission } from "~/utils/auth.server";
import { titled } from "~/utils/route-handle";

export const handle = titled("slates:introductions.title");

const AnswerSchema = z.object({ intent: z.enum(["accept", "decline"]), introductionId: z.string().min(1).max(100) });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "candidate.self");
  const [introductions, interest] = await Promise.all([candidateIntroductions(user.userId), candidateInterest(user.userId)]);
  return { introductions, interest, answered: new URL(request.url).searchParams.has("answered") };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "candidate.self");
  const parsed = AnswerSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "slates:introductions.not_found" }, { status: 400 });
  const result = await answerIntroduction(user.userId, parsed.data.introductionId, parsed.data.intent === "accept");
  if (result.status === "not_found") return data({ error: "slates:introductions.not_found" }, { status: 404 });
  if (result.status === "already_answered") return data({ error: "slates:introductions.already_answered" }, { status: 409 });
  return redirect("/introductions?answered=1", 303);
}

export default function IntroductionsPage() {
  const { t, i18n } = useTranslation();
  const { introductions, interest, answered } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium" });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("slates:introductions.title")}</h1>
      <p>{t("slates:introductions.intro")}</p>
      {answered ? <Notice>{t("slates:introductions.answered")}</Notice> : null}
      {actionData?.error ? <Notice tone="error">{t(actionData.error)}</Notice> : null}
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
