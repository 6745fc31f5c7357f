import type { TFunction } from "i18next";
import { actionEmail, type RenderedEmail } from "./layout";

/** To a candidate: an employer would like to meet them; nothing is shared until they accept. */
export function introductionRequestedEmail(t: TFunction, locale: string, data: { name: string; employer: string; role: string; url: string }): RenderedEmail {
  return actionEmail(t, locale, {
    subject: t("slates:email.introduction.subject", { employer: data.employer }),
    greeting: t("email:greeting", { name: data.name }),
    body: t("slates:email.introduction.body", { employer: data.employer, role: data.role }),
    action: t("slates:email.introduction.action"),
    url: data.url,
    footnote: t("slates:email.introduction.footnote"),
  });
}

/** To the employer who asked: the person accepted or declined the introduction. */
export function introductionAnsweredEmail(t: TFunction, locale: string, data: { name: string; reference: string; role: string; accepted: boolean; url: string }): RenderedEmail {
  const keys = data.accepted
    ? { subject: "slates:email.accepted.subject", body: "slates:email.accepted.body", action: "slates:email.accepted.action" }
    : { subject: "slates:email.declined.subject", body: "slates:email.declined.body", action: "slates:email.declined.action" };
  return actionEmail(t, locale, {
    subject: t(keys.subject, { reference: data.reference }),
    greeting: t("email:greeting", { name: data.name }),
    body: t(keys.body, { reference: data.reference, role: data.role }),
    action: t(keys.action),
    url: data.url,
    footnote: t("slates:email.answered_footnote"),
  });
}

/** To a candidate whose "still looking" lapses soon: one click keeps them on employers' slates. */
export function interestReminderEmail(t: TFunction, locale: string, data: { name: string; url: string; days: number }): RenderedEmail {
  return actionEmail(t, locale, {
    subject: t("slates:email.interest.subject"),
    greeting: t("email:greeting", { name: data.name }),
    body: t("slates:email.interest.body", { count: data.days }),
    action: t("slates:email.interest.action"),
    url: data.url,
    footnote: t("slates:email.interest.footnote"),
  });
}
