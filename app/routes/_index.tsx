import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Public landing page: nothing to authorise, no personal data. */
export async function loader(_args: LoaderFunctionArgs) {
  return null;
}

export default function Index() {
  const { t } = useTranslation();
  return (
    <section className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold">{t("common:home.title")}</h1>
      <p className="mt-3 text-lg">{t("common:home.lead")}</p>
      <ul className="mt-4 list-disc space-y-1 ps-6">
        <li>{t("common:home.point_language")}</li>
        <li>{t("common:home.point_certify")}</li>
        <li>{t("common:home.point_coach")}</li>
        <li>{t("common:home.point_work")}</li>
      </ul>
      <p className="mt-6">
        <Link to="/login" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900">
          {t("common:sign_in")}
        </Link>
      </p>
    </section>
  );
}
