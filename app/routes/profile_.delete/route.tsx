import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { ErrorList, Notice } from "~/components/form";
import { eraseCandidate } from "~/models/erasure.server";
import { destroySession } from "~/models/session.server";
import { requirePermission } from "~/utils/auth.server";
import { titled } from "~/utils/route-handle";
import { DeleteProfileSchema } from "./schema";

export const handle = titled("profile:delete.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "candidate.self");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "candidate.self");
  const submission = parseWithZod(await request.formData(), { schema: DeleteProfileSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  // An account that is also staff (coach, NGO, …) is not a candidate's to erase alone.
  if (user.roles.some((role) => role !== "candidate")) {
    return data(submission.reply({ formErrors: ["profile:delete.staff_account"] }), { status: 400 });
  }
  const result = await eraseCandidate(user.userId);
  const headers = { "Set-Cookie": await destroySession(request) };
  // The erasure id is the person's receipt: the audit log records it, and nothing else about them.
  throw redirect(result.status === "erased" ? `/profile/deleted?${new URLSearchParams({ ref: result.erasureId })}` : "/", { headers });
}

export default function DeleteProfilePage() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof DeleteProfileSchema>>({ id: "delete-form", lastResult });
  return (
    <section className="mx-auto max-w-xl rounded-lg bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">{t("profile:delete.title")}</h1>
      <Notice tone="error">{t("profile:delete.warning")}</Notice>
      <p className="mb-2">{t("profile:delete.what")}</p>
      <ul className="mb-4 list-disc space-y-1 ps-6">
        <li>{t("profile:delete.what_account")}</li>
        <li>{t("profile:delete.what_profile")}</li>
        <li>{t("profile:delete.what_files")}</li>
        <li>{t("profile:delete.what_referral")}</li>
      </ul>
      <p className="mb-4">
        {t("profile:delete.export_first")}{" "}
        <a href="/profile/export" download="harbor-export.json" className="text-brand-700 underline">
          {t("profile:data.export")}
        </a>
      </p>
      <Form method="post" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <div className="mb-4 flex items-start gap-2">
          <input {...getInputProps(fields.confirm, { type: "checkbox" })} key={fields.confirm.key} className="mt-1 size-5 shrink-0" />
          <label htmlFor={fields.confirm.id}>{t("profile:delete.confirm")}</label>
        </div>
        <ErrorList id={fields.confirm.errorId} errors={fields.confirm.errors} />
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="rounded bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-900">
            {t("profile:delete.submit")}
          </button>
          <Link to="/profile" className="text-brand-700 underline">
            {t("profile:delete.cancel")}
          </Link>
        </div>
      </Form>
    </section>
  );
}
