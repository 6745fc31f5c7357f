import { titled } from "~/utils/route-handle";
import type { z } from "zod";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, SubmitButton, TextField } from "~/components/form";
import { languageCookie } from "~/i18n/i18next.server";
import { signInWithPassword } from "~/models/account.server";
import { createSession, findSessionUser } from "~/models/session.server";
import { homePath, safeRedirect } from "~/utils/auth.server";
import { LoginSchema } from "./schema";

export const handle = titled("auth:login.title");

export async function loader({ request }: LoaderFunctionArgs) {
  // Public page; someone already signed in goes to their dashboard.
  if (await findSessionUser(request)) throw redirect(homePath());
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: LoginSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });

  const result = await signInWithPassword({ ...submission.value, clientAddress: context.clientAddress });
  if (result.status === "limited") {
    return data(submission.reply({ formErrors: ["auth:login.rate_limited"], hideFields: ["password"] }), {
      status: 429,
      headers: { "Retry-After": String(result.retryAfterSeconds) },
    });
  }
  if (result.status === "invalid") {
    return data(submission.reply({ formErrors: ["auth:login.invalid"], hideFields: ["password"] }), { status: 400 });
  }
  const headers = new Headers();
  headers.append("Set-Cookie", await createSession(request, result.userId, result.roles));
  // The saved language follows the person to this device.
  headers.append("Set-Cookie", await languageCookie.serialize(result.locale));
  throw redirect(safeRedirect(submission.value.redirectTo), { headers });
}

export default function LoginPage() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  // Validation runs on the server only: it keeps zod out of the browser bundle (small pages),
  // and every form must work without JavaScript anyway.
  const [form, fields] = useForm<z.input<typeof LoginSchema>>({
    lastResult,
  });
  return (
    <section className="mx-auto max-w-md rounded-lg bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">{t("auth:login.title")}</h1>
      <Form method="post" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <TextField meta={fields.email} label={t("auth:fields.email")} type="email" autoComplete="username" />
        <TextField meta={fields.password} label={t("auth:fields.password")} type="password" autoComplete="current-password" />
        <SubmitButton>{t("auth:login.submit")}</SubmitButton>
      </Form>
      <ul className="mt-6 space-y-2 text-sm">
        <li>
          <Link to="/sign-in-link" className="text-brand-700 underline">
            {t("auth:login.use_link")}
          </Link>
        </li>
        <li>
          <Link to="/forgot-password" className="text-brand-700 underline">
            {t("auth:login.forgot")}
          </Link>
        </li>
      </ul>
    </section>
  );
}
