import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FunnelView } from "~/components/funnel";
import { i18next } from "~/i18n/i18next.server";
import { programFunnel } from "~/models/funnel.server";
import { requirePermission } from "~/utils/auth.server";
import { titled } from "~/utils/route-handle";

export const handle = titled("admin:funnel.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "funnel.view");
  return { funnel: await programFunnel(null, await i18next.getLocale(request)) };
}

export default function AdminFunnel() {
  const { t } = useTranslation();
  const { funnel } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("admin:funnel.title")}</h1>
      <FunnelView data={funnel} csvHref="/admin/funnel.csv" />
    </div>
  );
}
