import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice, SubmitButton } from "~/components/form";
import { isTokenUsable } from "~/models/account.server";
import { confirmInterest, confirmInterestByToken } from "~/models/slates.server";
import { requirePermission } from "~/utils/auth.server";
import { titled } from "~/utils/route-handle";

export const handle = titled("slates:interest.title");

/**
 * "Still looking for work?" From the reminder email the token is the authorisation (confirmed by
 * POST, so link scanners cannot spend it); signed-in candidates confirm from their pages.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  if (!token) await requirePermission(request, "candidate.self");
  return { token, usable: token ? await isTokenUsable(token, "confirm_interest") : true };
}

export async function action({ request }: ActionFunctionArgs) {
  const token = String((await request.formData()).get("token") ?? "");
  if (token) return (await confirmInterestByToken(token)) ? { confirmed: true } : data({ confirmed: false }, { status: 400 });
  const user = await requirePermission(request, "candidate.self");
  return { confirmed: await confirmInterest(user.userId) };
}

export default function InterestPage() {
  const { t } = useTranslation();
  const { token, usable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section className="mx-auto max-w-md rounded-lg bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">{t("slates:interest.title")}</h1>
      {actionData?.confirmed ? (
        <Notice>{t("slates:interest.confirmed")}</Notice>
      ) : usable && !actionData ? (
        <Form method="post">
          <p className="mb-3">{t("slates:interest.body")}</p>
          {token ? <input type="hidden" name="token" value={token} /> : null}
          <SubmitButton>{t("slates:interest.confirm")}</SubmitButton>
        </Form>
      ) : (
        <Notice tone="error">{t("slates:interest.invalid")}</Notice>
      )}
    </section>
  );
}
