import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FunnelView } from "~/components/funnel";
import { i18next } from "~/i18n/i18next.server";
import { programFunnel } from "~/models/funnel.server";
import { requireOrganisationPermission } from "~/utils/auth.server";
import { titled } from "~/utils/route-handle";

export const handle = titled("admin:funnel.title");

/** An NGO's own slice of the funnel: the people it referred. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, params.slug, "funnel.view_own", "ngo");
  return { organisation, funnel: await programFunnel(organisation.id, await i18next.getLocale(request)) };
}

export default function OrganisationFunnel() {
  const { t } = useTranslation();
  const { organisation, funnel } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">
        {t("admin:funnel.title")} · <bdi>{organisation.name}</bdi>
      </h1>
      <FunnelView data={funnel} csvHref={`/org/${organisation.slug}/funnel.csv`} />
    </div>
  );
}
