import type { TFunction } from "i18next";
import { actionEmail, type RenderedEmail } from "./layout";

/** To a coach: a candidate is proposed to them; answer by the deadline. */
export function coachOfferEmail(
  t: TFunction,
  locale: string,
  data: { name: string; candidate: string; deadline: Date; timeZone: string; url: string },
): RenderedEmail {
  // dateStyle cannot be combined with timeZoneName: the zone is named after the time instead.
  const deadline = `${new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: data.timeZone }).format(data.deadline)} (${data.timeZone})`;
  return actionEmail(t, locale, {
    subject: t("coaching:email.offer.subject"),
    greeting: t("email:greeting", { name: data.name }),
    body: t("coaching:email.offer.body", { candidate: data.candidate, deadline }),
    action: t("coaching:email.offer.action"),
    url: data.url,
    footnote: t("coaching:email.offer.footnote"),
  });
}

/** To a candidate: a coach has been proposed and will confirm shortly (no name until they do). */
export function coachingProposedEmail(t: TFunction, locale: string, data: { name: string; url: string }): RenderedEmail {
  return actionEmail(t, locale, {
    subject: t("coaching:email.proposed.subject"),
    greeting: t("email:greeting", { name: data.name }),
    body: t("coaching:email.proposed.body"),
    action: t("coaching:email.proposed.action"),
    url: data.url,
    footnote: t("coaching:email.proposed.footnote"),
  });
}

/** To a candidate: the coach said yes. */
export function coachingConfirmedEmail(t: TFunction, locale: string, data: { name: string; coach: string; url: string }): RenderedEmail {
  return actionEmail(t, locale, {
    subject: t("coaching:email.confirmed.subject"),
    greeting: t("email:greeting", { name: data.name }),
    body: t("coaching:email.confirmed.body", { coach: data.coach }),
    action: t("coaching:email.confirmed.action"),
    url: data.url,
    footnote: t("coaching:email.confirmed.footnote"),
  });
}
