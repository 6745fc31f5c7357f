import { titled } from "~/utils/route-handle";
import type { z } from "zod";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Notice, SubmitButton, TextField } from "~/components/form";
import { isTokenUsable, resetPassword } from "~/models/account.server";
import { PASSWORD_PROBLEM_KEYS } from "~/utils/validation";
import { ResetPasswordSchema } from "./schema";

export const handle = titled("auth:reset.title");

/** Public: the emailed token is the authorisation, checked here and again when used. */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return { token, usable: token ? await isTokenUsable(token, "reset_password") : false };
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ResetPasswordSchema });
  if (submission.status !== "success")
    return data(submission.reply({ hideFields: ["password", "confirm"] }), { status: 400 });
  const result = await resetPassword(submission.value.token, submission.value.password);
  if (result.status === "weak_password")
    return data(submission.reply({ fieldErrors: { password: [PASSWORD_PROBLEM_KEYS[result.problem]] } }), { status: 400 });
  if (result.status === "invalid_token")
    return data(submission.reply({ formErrors: ["auth:link_invalid"], hideFields: ["password", "confirm"] }), { status: 400 });
  throw redirect("/login?reset=1");
}

export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token, usable } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  // Validation runs on the server only: it keeps zod out of the browser bundle (small pages),
  // and every form must work without JavaScript anyway.
  const [form, fields] = useForm<z.input<typeof ResetPasswordSchema>>({
    lastResult,
  });
  return (
    <section className="mx-auto max-w-md rounded-lg bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">{t("auth:reset.title")}</h1>
      {usable ? (
        <Form method="post" {...getFormProps(form)}>
          <ErrorList id={form.errorId} errors={form.errors} />
          <input type="hidden" name="token" value={token} />
          <TextField meta={fields.password} label={t("auth:fields.new_password")} type="password" autoComplete="new-password" hint={t("auth:reset.hint")} />
          <TextField meta={fields.confirm} label={t("auth:fields.confirm_password")} type="password" autoComplete="new-password" />
          <SubmitButton>{t("auth:reset.submit")}</SubmitButton>
        </Form>
      ) : (
        <>
          <Notice tone="error">{t("auth:link_invalid")}</Notice>
          <Link to="/forgot-password" className="text-brand-700 underline">
            {t("auth:reset.ask_again")}
          </Link>
        </>
      )}
    </section>
  );
}
