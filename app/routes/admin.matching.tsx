import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/form";
import { i18next } from "~/i18n/i18next.server";
import { listRuns, runMatching } from "~/models/coaching.server";
import { requirePermission } from "~/utils/auth.server";
import { titled } from "~/utils/route-handle";

export const handle = titled("coaching:admin.title");

const RUN_STATUS_KEYS: Record<string, string> = {
  draft: "coaching:admin.run_status.draft",
  published: "coaching:admin.run_status.published",
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "coaching.manage");
  const locale = await i18next.getLocale(request);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const runs = await listRuns();
  return { runs: runs.map((run) => ({ ...run, createdAt: date.format(run.createdAt), publishedAt: run.publishedAt && date.format(run.publishedAt) })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "coaching.manage");
  const runId = await runMatching(user.userId);
  return redirect(`/admin/matching/${runId}`, 303);
}

export default function MatchingRuns() {
  const { t } = useTranslation();
  const { runs } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("coaching:admin.title")}</h1>
      <p>{t("coaching:admin.intro")}</p>
      <Form method="post">
        <SubmitButton>{t("coaching:admin.run")}</SubmitButton>
      </Form>
      <section aria-labelledby="runs-heading" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="runs-heading" className="mb-2 text-lg font-semibold">
          {t("coaching:admin.runs")}
        </h2>
        {runs.length === 0 ? (
          <p>{t("coaching:admin.no_runs")}</p>
        ) : (
          <ul className="space-y-2">
            {runs.map((run) => (
              <li key={run.id}>
                <Link to={`/admin/matching/${run.id}`} className="text-brand-700 underline">
                  {run.createdAt}
                </Link>{" "}
                — {t(RUN_STATUS_KEYS[run.status] ?? "coaching:admin.run_status.draft")} ·{" "}
                {t("coaching:admin.run_size", { candidates: run.candidates, coaches: run.coaches })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
