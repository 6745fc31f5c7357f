import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titled } from "~/utils/route-handle";

export const handle = titled("profile:deleted.title");

/** Public: where an erased candidate lands, signed out. A fixed notice, no personal data. */
export async function loader({ request }: LoaderFunctionArgs) {
  const ref = new URL(request.url).searchParams.get("ref") ?? "";
  return { reference: /^[0-9a-f-]{36}$/.test(ref) ? ref : null };
}

export default function ProfileDeletedPage() {
  const { t } = useTranslation();
  const { reference } = useLoaderData<typeof loader>();
  return (
    <section className="mx-auto max-w-xl rounded-lg bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">{t("profile:deleted.title")}</h1>
      <p role="status" className="mb-4">
        {t("profile:deleted.body")}
      </p>
      {reference ? (
        <p className="mb-4 text-sm text-slate-700">
          {t("profile:deleted.reference")} <code dir="ltr">{reference}</code>
        </p>
      ) : null}
      <Link to="/" className="text-brand-700 underline">
        {t("profile:deleted.home")}
      </Link>
    </section>
  );
}
