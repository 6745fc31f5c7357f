import type { TFunction } from "i18next";
import { actionEmail, type RenderedEmail } from "./layout";

/** To an assessor: a request was routed to them. */
export function assessmentRequestedEmail(t: TFunction, locale: string, data: { name: string; badge: string; url: string }): RenderedEmail {
  return actionEmail(t, locale, {
    subject: t("badges:email.requested.subject"),
    greeting: t("email:greeting", { name: data.name }),
    body: t("badges:email.requested.body", { badge: data.badge }),
    action: t("badges:email.requested.action"),
    url: data.url,
    footnote: t("badges:email.requested.footnote"),
  });
}

/** To a candidate: their coach recommended them for a badge; they add their evidence. */
export function badgeRecommendedEmail(t: TFunction, locale: string, data: { name: string; coach: string; badge: string; url: string }): RenderedEmail {
  return actionEmail(t, locale, {
    subject: t("badges:email.recommended.subject"),
    greeting: t("email:greeting", { name: data.name }),
    body: t("badges:email.recommended.body", { coach: data.coach, badge: data.badge }),
    action: t("badges:email.recommended.action"),
    url: data.url,
    footnote: t("badges:email.recommended.footnote"),
  });
}

/** To a candidate: the assessor's verdict, with their feedback. */
export function assessmentDecidedEmail(t: TFunction, locale: string, data: { name: string; badge: string; passed: boolean; feedback: string; url: string }): RenderedEmail {
  const kind = data.passed ? "passed" : "failed";
  return actionEmail(t, locale, {
    subject: data.passed ? t("badges:email.passed.subject", { badge: data.badge }) : t("badges:email.failed.subject", { badge: data.badge }),
    greeting: t("email:greeting", { name: data.name }),
    body: `${data.passed ? t("badges:email.passed.body", { badge: data.badge }) : t("badges:email.failed.body", { badge: data.badge })}\n\n${t("badges:email.feedback", { feedback: data.feedback })}`,
    action: kind === "passed" ? t("badges:email.passed.action") : t("badges:email.failed.action"),
    url: data.url,
    footnote: kind === "passed" ? t("badges:email.passed.footnote") : t("badges:email.failed.footnote"),
  });
}
