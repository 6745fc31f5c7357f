import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ROLE_STATUS_KEYS, ROLE_STATUSES } from "~/domain/slates/decisions";
import { listRoles } from "~/models/roles.server";
import { requireOrganisationPermission } from "~/utils/auth.server";
import { titled } from "~/utils/route-handle";

export const handle = titled("slates:roles.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, params.slug, "role.manage", "employer");
  return { organisation, roles: await listRoles(organisation.id) };
}

export default function RolesPage() {
  const { t } = useTranslation();
  const { organisation, roles } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("slates:roles.title")}</h1>
        <Link to={`/org/${organisation.slug}/roles/new`} className="rounded bg-brand-700 px-3 py-2 text-white">
          {t("slates:roles.new")}
        </Link>
      </div>
      <p>{t("slates:roles.intro")}</p>
      {roles.length === 0 ? (
        <p>{t("slates:roles.none")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm">
          {roles.map((role) => (
            <li key={role.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
              <Link to={`/org/${organisation.slug}/roles/${role.id}`} className="font-medium text-brand-700 underline">
                {role.title}
              </Link>
              <span className="text-sm text-slate-700">
                {t(ROLE_STATUS_KEYS[ROLE_STATUSES.find((s) => s === role.status) ?? "draft"])} · {t("slates:roles.skills_count", { count: role._count.skills })} ·{" "}
                {t("slates:roles.slates_count", { count: role._count.slates })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
