import { titled } from "~/utils/route-handle";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice, SubmitButton } from "~/components/form";
import { InterestCard } from "~/components/interest-card";
import { PIPELINE_STAGE_KEYS, pipelineProgress } from "~/domain/candidates/pipeline";
import { sendEmailVerification } from "~/models/account.server";
import { candidateDashboard, programCounts } from "~/models/dashboard.server";
import { requireUser } from "~/utils/auth.server";

export const handle = titled("dashboard:title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [candidate, counts] = await Promise.all([
    user.roles.includes("candidate") ? candidateDashboard(user.userId) : null,
    user.roles.includes("admin") ? programCounts() : null,
  ]);
  return {
    roles: user.roles,
    verified: user.emailVerified,
    stage: candidate?.stage ?? null,
    // Asked on the dashboard only when it lapses within a week (the introductions page always shows it).
    interest: candidate?.interest.dueSoon ? candidate.interest : null,
    counts,
    organisations: user.organisations.filter((o) => o.kind !== "program").map(({ slug, name }) => ({ slug, name })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await sendEmailVerification(user.userId);
  return { sent: true };
}

export default function Dashboard() {
  const { t } = useTranslation();
  const { roles, verified, stage, interest, counts, organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("dashboard:title")}</h1>
      {!verified ? (
        <section className="rounded-lg bg-white p-4 shadow-sm">
          {actionData?.sent ? (
            <Notice>{t("dashboard:verify.sent")}</Notice>
          ) : (
            <Form method="post">
              <p className="mb-2">{t("dashboard:verify.prompt")}</p>
              <SubmitButton>{t("dashboard:verify.send")}</SubmitButton>
            </Form>
          )}
        </section>
      ) : null}

      {interest ? <InterestCard interest={interest} /> : null}
      {stage ? (
        <section aria-labelledby="pipeline-heading" className="rounded-lg bg-white p-4 shadow-sm">
          <h2 id="pipeline-heading" className="mb-3 text-lg font-semibold">
            {t("dashboard:candidate.pipeline")}
          </h2>
          <ol className="flex flex-wrap gap-2">
            {pipelineProgress(stage).map(({ stage: step, state }) => (
              <li
                key={step}
                aria-current={state === "current" ? "step" : undefined}
                className={`rounded-full border px-3 py-1 text-sm ${
                  state === "current"
                    ? "border-brand-700 bg-brand-700 text-white"
                    : state === "done"
                      ? "border-brand-600 bg-brand-50"
                      : "border-slate-300 text-slate-700"
                }`}
              >
                {t(PIPELINE_STAGE_KEYS[step])}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {counts ? (
        <section aria-labelledby="program-heading" className="rounded-lg bg-white p-4 shadow-sm">
          <h2 id="program-heading" className="mb-3 text-lg font-semibold">
            {t("dashboard:admin.program")}
          </h2>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Stat label={t("dashboard:admin.organisations")} value={counts.organisations} />
            <Stat label={t("dashboard:admin.users")} value={counts.users} />
            <Stat label={t("dashboard:admin.candidates")} value={counts.candidates} />
            <Stat label={t("dashboard:admin.emails")} value={counts.emails} />
          </dl>
        </section>
      ) : null}

      {organisations.map((org) => (
        <section key={org.slug} className="rounded-lg bg-white p-4 shadow-sm">
          <h2 className="text-lg font-semibold">{org.name}</h2>
          <Link to={`/org/${org.slug}`} className="text-brand-700 underline">
            {t("dashboard:organisation.open")}
          </Link>
        </section>
      ))}

      {roles.includes("coach") ? (
        <section className="rounded-lg bg-white p-4 shadow-sm">
          <Link to="/coach" className="text-brand-700 underline">
            {t("dashboard:coach.open")}
          </Link>
        </section>
      ) : null}

      {roles.includes("assessor") ? (
        <section className="rounded-lg bg-white p-4 shadow-sm">
          <Link to="/assess" className="text-brand-700 underline">
            {t("dashboard:assessor.open")}
          </Link>
        </section>
      ) : null}
    </div>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded border border-slate-200 p-3">
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="text-2xl font-semibold">{value}</dd>
    </div>
  );
}
