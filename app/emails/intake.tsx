import type { TFunction } from "i18next";
import { actionEmail, type RenderedEmail } from "./layout";

export function inviteEmail(
  t: TFunction,
  locale: string,
  data: { name: string; organisation: string; url: string; days: number },
): RenderedEmail {
  return actionEmail(t, locale, {
    subject: t("email:invite.subject", { organisation: data.organisation }),
    greeting: t("email:greeting", { name: data.name }),
    body: t("email:invite.body", { organisation: data.organisation }),
    action: t("email:invite.action"),
    url: data.url,
    footnote: t("email:invite.expires", { count: data.days }),
  });
}
