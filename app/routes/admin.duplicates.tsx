import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { listOpenDuplicates, resolveDuplicate } from "~/models/duplicate-review.server";
import { requirePermission } from "~/utils/auth.server";
import { titled } from "~/utils/route-handle";

export const handle = titled("intake:duplicates.title");

const REASON_KEYS: Record<string, string> = {
  email: "intake:duplicates.reason_email",
  phone: "intake:duplicates.reason_phone",
  name: "intake:duplicates.reason_name",
  name_dob: "intake:duplicates.reason_name_dob",
};

const Decision = z.object({ flagId: z.string().min(1), decision: z.enum(["merge", "keep_separate"]) });

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "duplicate.review");
  return { flags: await listOpenDuplicates() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "duplicate.review");
  const parsed = Decision.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ ok: false }, { status: 400 });
  const done = await resolveDuplicate({ ...parsed.data, actorUserId: user.userId });
  return done ? { ok: true } : data({ ok: false }, { status: 409 });
}

export default function DuplicatesPage() {
  const { t } = useTranslation();
  const { flags } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("intake:duplicates.title")}</h1>
      <p>{t("intake:duplicates.intro")}</p>
      {flags.length === 0 ? <p>{t("intake:duplicates.none")}</p> : null}
      {flags.map((flag) => (
        <article key={flag.id} className="rounded-lg bg-white p-4 shadow-sm">
          <p className="mb-2 font-medium">{flag.reasons.map((r) => t(REASON_KEYS[r] ?? "intake:duplicates.reason_name")).join(" · ")}</p>
          <div className="grid gap-3 sm:grid-cols-2">
            {[flag.record, flag.match].map((p, i) => (
              <dl key={p.id} className="rounded border border-slate-200 p-3 text-sm">
                <dt className="font-semibold">{i === 0 ? t("intake:duplicates.new_record") : t("intake:duplicates.existing_record")}</dt>
                <dd>
                  {p.givenName} {p.familyName} {p.latinName ? `(${p.latinName})` : ""}
                </dd>
                <dd dir="ltr" className="text-start">{[p.email, p.phone, p.dateOfBirth].filter(Boolean).join(" · ")}</dd>
                <dd>{p.organisation ?? t("intake:duplicates.registered_candidate")}</dd>
              </dl>
            ))}
          </div>
          <Form method="post" className="mt-3 flex flex-wrap gap-2">
            <input type="hidden" name="flagId" value={flag.id} />
            <button type="submit" name="decision" value="merge" className="rounded bg-brand-700 px-3 py-2 text-white">
              {t("intake:duplicates.merge")}
            </button>
            <button type="submit" name="decision" value="keep_separate" className="rounded border border-slate-400 px-3 py-2">
              {t("intake:duplicates.keep_separate")}
            </button>
          </Form>
        </article>
      ))}
    </div>
  );
}
