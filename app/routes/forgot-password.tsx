import { titled } from "~/utils/route-handle";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmailRequestForm } from "~/components/email-request-form";
import { requestPasswordReset } from "~/models/account.server";
import { EmailOnlySchema } from "~/utils/validation";

export const handle = titled("auth:forgot.title");

/** Public: anyone may ask for a reset link. */
export async function loader(_args: LoaderFunctionArgs) {
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: EmailOnlySchema });
  if (submission.status !== "success") return data({ result: submission.reply(), sent: false }, { status: 400 });
  await requestPasswordReset(submission.value.email);
  return { result: submission.reply(), sent: true };
}

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  return (
    <EmailRequestForm
      title={t("auth:forgot.title")}
      intro={t("auth:forgot.intro")}
      submit={t("auth:forgot.submit")}
      lastResult={actionData?.result}
      sent={actionData?.sent ?? false}
    />
  );
}
