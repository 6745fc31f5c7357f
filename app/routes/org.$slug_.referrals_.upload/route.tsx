import {
  data,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice, SubmitButton } from "~/components/form";
import { ReferralErrorTable } from "~/components/referral-errors";
import { REFERRAL_FILE_ERROR_KEYS } from "~/domain/intake/referral-messages";
import { MAX_REFERRAL_FILE_BYTES, previewReferralFile, confirmReferralFile } from "~/models/referral-upload.server";
import { requireOrganisationPermission } from "~/utils/auth.server";
import { titled } from "~/utils/route-handle";

export const handle = titled("intake:upload.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, params.slug, "referral.create", "ngo");
  return { organisation };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organisation } = await requireOrganisationPermission(request, params.slug, "referral.create", "ngo");
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_REFERRAL_FILE_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return data({ step: "error", fileError: "too_large" } as const, { status: 413 });
    return data({ step: "error", fileError: "unreadable" } as const, { status: 400 });
  }
  const intent = form.get("intent");
  if (intent === "confirm") {
    const contentHash = String(form.get("contentHash") ?? "");
    const outcome = await confirmReferralFile({ organisationId: organisation.id, actorUserId: user.userId, contentHash });
    if (outcome.status === "expired") return data({ step: "error", fileError: "expired" } as const, { status: 400 });
    if (outcome.status === "invalid") return data({ step: "error", fileError: "changed" } as const, { status: 400 });
    return { step: "done", ...outcome } as const;
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return data({ step: "error", fileError: "missing" } as const, { status: 400 });
  const preview = await previewReferralFile({ organisationId: organisation.id, bytes: new Uint8Array(await file.arrayBuffer()) });
  if (preview.status === "file_error") return data({ step: "error", fileError: preview.code } as const, { status: 400 });
  return data({ step: "preview", ...preview } as const, { status: preview.errors.length ? 422 : 200 });
}

export default function UploadReferralsPage() {
  const { t } = useTranslation();
  const { organisation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const base = `/org/${organisation.slug}/referrals`;

  if (result?.step === "done") {
    return (
      <section className="mx-auto max-w-2xl space-y-3 rounded-lg bg-white p-6 shadow-sm">
        <h1 className="text-2xl font-bold">{t("intake:upload.done_title")}</h1>
        {result.status === "already_imported" ? (
          <Notice>{t("intake:upload.already_imported")}</Notice>
        ) : (
          <Notice>{t("intake:upload.done", { created: result.summary.created, duplicate: result.summary.duplicate, invited: result.invited })}</Notice>
        )}
        <Link to={base} className="text-brand-700 underline">
          {t("intake:referrals.title")}
        </Link>
      </section>
    );
  }

  return (
    <section className="mx-auto max-w-3xl space-y-4 rounded-lg bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-bold">{t("intake:upload.title")}</h1>
      <p>{t("intake:upload.intro")}</p>
      <p className="text-sm text-slate-700">{t("intake:upload.columns")}</p>
      {result?.step === "error" ? <Notice tone="error">{t(REFERRAL_FILE_ERROR_KEYS[result.fileError] ?? "intake:file_errors.unreadable")}</Notice> : null}

      {result?.step === "preview" ? (
        <div className="space-y-3">
          {result.alreadyImported ? <Notice>{t("intake:upload.already_imported")}</Notice> : null}
          <p>{t("intake:upload.summary", { rows: result.rowCount, errors: result.errorCount })}</p>
          {result.errors.length ? (
            <>
              <Notice tone="error">{t("intake:upload.fix_and_retry")}</Notice>
              <ReferralErrorTable errors={result.errors} />
              {result.errorCount > result.errors.length ? <p className="text-sm">{t("intake:upload.more_errors", { count: result.errorCount - result.errors.length })}</p> : null}
            </>
          ) : (
            <>
              <table className="w-full text-sm">
                <caption className="mb-1 text-start font-medium">{t("intake:upload.sample")}</caption>
                <thead>
                  <tr className="border-b border-slate-200">
                    <th scope="col" className="py-1 text-start">{t("intake:upload.row")}</th>
                    <th scope="col" className="py-1 text-start">{t("intake:fields.name")}</th>
                    <th scope="col" className="py-1 text-start">{t("intake:fields.contact")}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.sample.map((r) => (
                    <tr key={r.row} className="border-b border-slate-100">
                      <td className="py-1">{r.row}</td>
                      <td className="py-1">{r.name}</td>
                      <td className="py-1" dir="ltr">{r.contact}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Form method="post" encType="multipart/form-data">
                <input type="hidden" name="contentHash" value={result.contentHash} />
                <SubmitButton name="intent" value="confirm">
                  {t("intake:upload.confirm", { count: result.rowCount })}
                </SubmitButton>
              </Form>
            </>
          )}
        </div>
      ) : null}

      <Form method="post" encType="multipart/form-data" className="space-y-3 border-t border-slate-200 pt-4">
        <div>
          <label htmlFor="file" className="mb-1 block font-medium">
            {t("intake:upload.file_label")}
          </label>
          <input id="file" name="file" type="file" accept=".csv,text/csv" required className="block w-full" aria-describedby="file-hint" />
          <p id="file-hint" className="mt-1 text-sm text-slate-700">
            {t("intake:upload.file_hint")}
          </p>
        </div>
        <SubmitButton name="intent" value="preview">
          {t("intake:upload.preview")}
        </SubmitButton>
      </Form>
    </section>
  );
}
