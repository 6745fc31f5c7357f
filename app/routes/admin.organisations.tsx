import { titled } from "~/utils/route-handle";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listOrganisations } from "~/models/organisation.server";
import { requirePermission } from "~/utils/auth.server";

export const handle = titled("admin:organisations.title");

const KIND_KEYS: Record<string, string> = {
  ngo: "admin:organisations.kind_ngo",
  employer: "admin:organisations.kind_employer",
  program: "admin:organisations.kind_program",
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.view");
  return { organisations: await listOrganisations() };
}

export default function AdminOrganisations() {
  const { t } = useTranslation();
  const { organisations } = useLoaderData<typeof loader>();
  return (
    <section className="rounded-lg bg-white p-4 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">{t("admin:organisations.title")}</h1>
      <ul className="divide-y divide-slate-100">
        {organisations.map((org) => (
          <li key={org.id} className="flex flex-wrap justify-between gap-2 py-2">
            {org.kind === "program" ? <span>{org.name}</span> : <Link to={`/org/${org.slug}`} className="text-brand-700 underline">{org.name}</Link>}
            <span className="text-sm text-slate-700">
              {t(KIND_KEYS[org.kind] ?? "admin:organisations.kind_program")} · {t("admin:organisations.members", { count: org._count.memberships })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
