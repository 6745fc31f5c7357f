import { titled } from "~/utils/route-handle";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmailRequestForm } from "~/components/email-request-form";
import { Notice, SubmitButton } from "~/components/form";
import { languageCookie } from "~/i18n/i18next.server";
import { isTokenUsable, requestMagicLink, signInWithMagicLink } from "~/models/account.server";
import { createSession } from "~/models/session.server";
import { homePath } from "~/utils/auth.server";
import { SignInLinkSchema } from "./schema";

export const handle = titled("auth:link_sign_in.title");

/**
 * Sign-in by emailed link, for candidates (shared phones, no password manager). Public: the
 * token is the authorisation. Opening the link only shows a button; the POST uses the token,
 * so mail scanners that open links cannot spend it.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token");
  return { token, usable: token ? await isTokenUsable(token, "magic_link") : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: SignInLinkSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), sent: false }, { status: 400 });
  if (submission.value.intent === "request") {
    await requestMagicLink(submission.value.email);
    return { result: submission.reply(), sent: true };
  }
  const result = await signInWithMagicLink(submission.value.token);
  if (result.status !== "ok")
    return data({ result: submission.reply({ formErrors: ["auth:link_invalid"] }), sent: false }, { status: 400 });
  const headers = new Headers();
  headers.append("Set-Cookie", await createSession(request, result.userId, result.roles));
  headers.append("Set-Cookie", await languageCookie.serialize(result.locale));
  throw redirect(homePath(), { headers });
}

export default function SignInLinkPage() {
  const { t } = useTranslation();
  const { token, usable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();

  if (token) {
    return (
      <section className="mx-auto max-w-md rounded-lg bg-white p-6 shadow-sm">
        <h1 className="mb-4 text-2xl font-bold">{t("auth:link_sign_in.confirm_title")}</h1>
        {usable && !actionData ? (
          <Form method="post">
            <input type="hidden" name="token" value={token} />
            <SubmitButton name="intent" value="confirm">
              {t("auth:link_sign_in.confirm_submit")}
            </SubmitButton>
          </Form>
        ) : (
          <>
            <Notice tone="error">{t("auth:link_invalid")}</Notice>
            <Link to="/sign-in-link" className="text-brand-700 underline">
              {t("auth:link_sign_in.ask_again")}
            </Link>
          </>
        )}
      </section>
    );
  }

  return (
    <EmailRequestForm
      title={t("auth:link_sign_in.title")}
      intro={t("auth:link_sign_in.intro")}
      submit={t("auth:link_sign_in.submit")}
      lastResult={actionData?.result}
      sent={actionData?.sent ?? false}
      intent="request"
    />
  );
}
