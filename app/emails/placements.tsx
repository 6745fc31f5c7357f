import type { TFunction } from "i18next";
import { actionEmail, type RenderedEmail } from "./layout";

/** To a candidate: an employer made an offer. */
export function offerMadeEmail(t: TFunction, locale: string, data: { name: string; employer: string; role: string; url: string }): RenderedEmail {
  return actionEmail(t, locale, {
    subject: t("placements:email.offer.subject", { employer: data.employer }),
    greeting: t("email:greeting", { name: data.name }),
    body: t("placements:email.offer.body", { employer: data.employer, role: data.role }),
    action: t("placements:email.offer.action"),
    url: data.url,
    footnote: t("placements:email.offer.footnote"),
  });
}

/** To the employer: the person accepted or declined the offer. */
export function offerAnsweredEmail(t: TFunction, locale: string, data: { name: string; candidate: string; role: string; accepted: boolean; url: string }): RenderedEmail {
  const keys = data.accepted
    ? { subject: "placements:email.accepted.subject", body: "placements:email.accepted.body" }
    : { subject: "placements:email.declined.subject", body: "placements:email.declined.body" };
  return actionEmail(t, locale, {
    subject: t(keys.subject, { candidate: data.candidate }),
    greeting: t("email:greeting", { name: data.name }),
    body: t(keys.body, { candidate: data.candidate, role: data.role }),
    action: t("placements:email.answered_action"),
    url: data.url,
    footnote: t("placements:email.footnote"),
  });
}

/** To both sides: the marketplace reports the contract started, ended or was cancelled. */
export function placementStatusEmail(t: TFunction, locale: string, data: { name: string; role: string; status: "active" | "ended" | "cancelled"; url: string }): RenderedEmail {
  const subject = { active: "placements:email.status.active", ended: "placements:email.status.ended", cancelled: "placements:email.status.cancelled" }[data.status];
  return actionEmail(t, locale, {
    subject: t(subject, { role: data.role }),
    greeting: t("email:greeting", { name: data.name }),
    body: t("placements:email.status.body", { role: data.role, status: t(subject, { role: data.role }) }),
    action: t("placements:email.status.action"),
    url: data.url,
    footnote: t("placements:email.footnote"),
  });
}

/** To program admins: a handoff was dead-lettered and needs someone. */
export function handoffFailedEmail(t: TFunction, locale: string, data: { name: string; error: string; url: string }): RenderedEmail {
  return actionEmail(t, locale, {
    subject: t("placements:email.failed.subject"),
    greeting: t("email:greeting", { name: data.name }),
    body: t("placements:email.failed.body", { error: data.error }),
    action: t("placements:email.failed.action"),
    url: data.url,
    footnote: t("placements:email.footnote"),
  });
}
