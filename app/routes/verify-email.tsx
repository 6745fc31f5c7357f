import { titled } from "~/utils/route-handle";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice, SubmitButton } from "~/components/form";
import { isTokenUsable, verifyEmail } from "~/models/account.server";

export const handle = titled("auth:verify.title");

/** Public: the emailed token is the authorisation. Confirmed by POST so link scanners cannot spend it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return { token, usable: token ? await isTokenUsable(token, "verify_email") : false };
}

export async function action({ request }: ActionFunctionArgs) {
  const token = String((await request.formData()).get("token") ?? "");
  if (!(await verifyEmail(token))) return data({ failed: true }, { status: 400 });
  throw redirect("/dashboard?verified=1");
}

export default function VerifyEmailPage() {
  const { t } = useTranslation();
  const { token, usable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section className="mx-auto max-w-md rounded-lg bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">{t("auth:verify.title")}</h1>
      {usable && !actionData?.failed ? (
        <Form method="post">
          <input type="hidden" name="token" value={token} />
          <SubmitButton>{t("auth:verify.submit")}</SubmitButton>
        </Form>
      ) : (
        <Notice tone="error">{t("auth:link_invalid")}</Notice>
      )}
    </section>
  );
}
