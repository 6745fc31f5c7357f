import type { z } from "zod";
import { getFormProps, useForm } from "@conform-to/react";
import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { EmailOnlySchema } from "~/utils/validation";
import { Notice, SubmitButton, TextField } from "./form";

/**
 * Asks for an email address and then says the same thing whether or not an account exists, so
 * the form cannot be used to find out who is registered.
 */
export function EmailRequestForm({
  title,
  intro,
  submit,
  lastResult,
  sent,
  intent,
}: {
  title: string;
  intro: string;
  submit: string;
  lastResult: SubmissionResult<string[]> | undefined;
  sent: boolean;
  /** Sent as `intent` when the route's action handles more than this form. */
  intent?: string;
}) {
  const { t } = useTranslation();
  // Validation runs on the server only: it keeps zod out of the browser bundle (small pages),
  // and every form must work without JavaScript anyway.
  const [form, fields] = useForm<z.input<typeof EmailOnlySchema>>({
    lastResult,
  });
  return (
    <section className="mx-auto max-w-md rounded-lg bg-white p-6 shadow-sm">
      <h1 className="mb-2 text-2xl font-bold">{title}</h1>
      {sent ? (
        <Notice>{t("auth:email_request.sent")}</Notice>
      ) : (
        <>
          <p className="mb-4">{intro}</p>
          <Form method="post" {...getFormProps(form)}>
            <TextField meta={fields.email} label={t("auth:fields.email")} type="email" autoComplete="email" />
            <SubmitButton name={intent ? "intent" : undefined} value={intent}>
              {submit}
            </SubmitButton>
          </Form>
        </>
      )}
    </section>
  );
}
