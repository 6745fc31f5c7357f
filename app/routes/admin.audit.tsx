import { titled } from "~/utils/route-handle";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listAuditEvents } from "~/models/audit.server";
import { requirePermission } from "~/utils/auth.server";

export const handle = titled("admin:audit.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "audit.view");
  return { events: await listAuditEvents({ take: 200 }) };
}

export default function AdminAudit() {
  const { t, i18n } = useTranslation();
  const { events } = useLoaderData<typeof loader>();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: "short", timeStyle: "medium" });
  return (
    <section className="rounded-lg bg-white p-4 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">{t("admin:audit.title")}</h1>
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className="py-2 text-start">{t("admin:audit.when")}</th>
              <th scope="col" className="py-2 text-start">{t("admin:audit.action")}</th>
              <th scope="col" className="py-2 text-start">{t("admin:audit.outcome")}</th>
              <th scope="col" className="py-2 text-start">{t("admin:audit.actor")}</th>
              <th scope="col" className="py-2 text-start">{t("admin:audit.detail")}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id} className="border-b border-slate-100 align-top">
                <td className="py-1 whitespace-nowrap">{format.format(new Date(event.createdAt))}</td>
                <td className="py-1 font-mono" dir="ltr">{event.action}</td>
                <td className="py-1">{event.outcome}</td>
                <td className="py-1 font-mono" dir="ltr">{event.actorUserId ?? "—"}</td>
                <td className="py-1 font-mono break-all" dir="ltr">{event.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
