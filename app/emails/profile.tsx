import type { TFunction } from "i18next";
import { actionEmail, type RenderedEmail } from "./layout";

/**
 * Tells a referring organisation's administrators that one of their referrals withdrew. Nothing
 * about the person: after an erasure there is nothing left to say, and the email must not
 * re-create what was erased.
 */
export function referralWithdrawnEmail(t: TFunction, locale: string, data: { name: string; organisation: string; url: string }): RenderedEmail {
  return actionEmail(t, locale, {
    subject: t("profile:email.withdrawn.subject"),
    greeting: t("email:greeting", { name: data.name }),
    body: t("profile:email.withdrawn.body", { organisation: data.organisation }),
    action: t("profile:email.withdrawn.action"),
    url: data.url,
    footnote: t("profile:email.withdrawn.footnote"),
  });
}
