import type { TFunction } from "i18next";
import { actionEmail, type RenderedEmail } from "./layout";

interface LinkEmailData {
  name: string;
  url: string;
  minutes: number;
}

export function verifyEmailEmail(t: TFunction, locale: string, data: LinkEmailData): RenderedEmail {
  return actionEmail(t, locale, {
    subject: t("email:verify.subject"),
    greeting: t("email:greeting", { name: data.name }),
    body: t("email:verify.body"),
    action: t("email:verify.action"),
    url: data.url,
    footnote: t("email:link_expires", { count: data.minutes }),
  });
}

export function resetPasswordEmail(t: TFunction, locale: string, data: LinkEmailData): RenderedEmail {
  return actionEmail(t, locale, {
    subject: t("email:reset.subject"),
    greeting: t("email:greeting", { name: data.name }),
    body: t("email:reset.body"),
    action: t("email:reset.action"),
    url: data.url,
    footnote: t("email:link_expires", { count: data.minutes }),
  });
}

export function magicLinkEmail(t: TFunction, locale: string, data: LinkEmailData): RenderedEmail {
  return actionEmail(t, locale, {
    subject: t("email:magic.subject"),
    greeting: t("email:greeting", { name: data.name }),
    body: t("email:magic.body"),
    action: t("email:magic.action"),
    url: data.url,
    footnote: t("email:link_expires", { count: data.minutes }),
  });
}
