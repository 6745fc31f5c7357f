import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/form";

/** "Still looking for work?": when the person's confirmation lapses, and one button to renew it. */
export function InterestCard({ interest }: { interest: { expiresAt: string | Date | null; lapsed: boolean } }) {
  const { t, i18n } = useTranslation();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "long" });
  return (
    <section aria-labelledby="interest-heading" className="rounded-lg bg-white p-4 shadow-sm">
      <h2 id="interest-heading" className="mb-2 text-lg font-semibold">
        {t("slates:interest.title")}
      </h2>
      <p className="mb-2">{t("slates:interest.body")}</p>
      <p className="mb-3 font-medium">{interest.lapsed || !interest.expiresAt ? t("slates:interest.lapsed") : t("slates:interest.valid_until", { date: date.format(new Date(interest.expiresAt)) })}</p>
      <Form method="post" action="/interest">
        <SubmitButton>{t("slates:interest.confirm")}</SubmitButton>
      </Form>
    </section>
  );
}
