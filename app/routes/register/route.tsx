import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { ErrorList, Notice, SelectField, SubmitButton, TextField } from "~/components/form";
import { CONSENT_LABEL_KEYS, CONSENT_PURPOSES } from "~/domain/consent/consent";
import { countryOptions } from "~/domain/intake/countries";
import { i18next, languageCookie } from "~/i18n/i18next.server";
import { findUsableInvite } from "~/models/invite.server";
import { registerCandidate } from "~/models/registration.server";
import { createSession, findSessionUser } from "~/models/session.server";
import { titled } from "~/utils/route-handle";
import { RegistrationSchema } from "./schema";

export const handle = titled("intake:register.title");

/** Public: anyone may register; an invite link pre-fills what the NGO already knows. */
export async function loader({ request }: LoaderFunctionArgs) {
  if (await findSessionUser(request)) throw redirect("/dashboard");
  const token = new URL(request.url).searchParams.get("invite");
  const invite = token ? await findUsableInvite(token) : null;
  const locale = await i18next.getLocale(request);
  const referral = invite?.status === "valid" ? invite.referral : null;
  return {
    invite: token && referral ? token : null,
    inviteInvalid: !!token && !referral,
    prefill: referral
      ? {
          nativeName: `${referral.givenName} ${referral.familyName}`.trim(),
          latinName: referral.latinName ?? "",
          email: referral.email ?? "",
          phone: referral.phone ?? "",
          countryOfOrigin: referral.countryOfOrigin ?? "",
          currentCountry: referral.currentCountry ?? "",
        }
      : null,
    countries: countryOptions(locale).map(({ code, name }) => ({ value: code, label: name })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  if (await findSessionUser(request)) throw redirect("/dashboard");
  const submission = parseWithZod(await request.formData(), { schema: RegistrationSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const value = submission.value;
  const locale = await i18next.getLocale(request);
  const result = await registerCandidate({
    inviteToken: value.invite,
    nativeName: value.nativeName,
    latinName: value.latinName,
    email: value.email,
    phone: value.phone,
    password: value.password,
    countryOfOrigin: value.countryOfOrigin,
    currentCountry: value.currentCountry,
    consents: Object.fromEntries(CONSENT_PURPOSES.map((p) => [p, value[`consent_${p}`]])) as Record<(typeof CONSENT_PURPOSES)[number], boolean>,
    locale,
  });
  if (result.status === "invite_invalid") return data(submission.reply({ formErrors: ["intake:register.invite_invalid"], hideFields: ["password"] }), { status: 400 });
  if (result.status === "email_taken") return data(submission.reply({ fieldErrors: { email: ["intake:register.email_taken"] }, hideFields: ["password"] }), { status: 400 });
  if (result.status === "phone_taken") return data(submission.reply({ fieldErrors: { phone: ["intake:register.phone_taken"] }, hideFields: ["password"] }), { status: 400 });
  const headers = new Headers();
  headers.append("Set-Cookie", await createSession(request, result.userId, ["candidate"]));
  headers.append("Set-Cookie", await languageCookie.serialize(locale));
  throw redirect("/dashboard", { headers });
}

export default function RegisterPage() {
  const { t } = useTranslation();
  const { invite, inviteInvalid, prefill, countries } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  // Validation runs on the server only (small pages; works without JavaScript).
  const [form, fields] = useForm<z.input<typeof RegistrationSchema>>({ lastResult, defaultValue: prefill ?? undefined });
  return (
    <section className="mx-auto max-w-xl rounded-lg bg-white p-6 shadow-sm">
      <h1 className="mb-2 text-2xl font-bold">{t("intake:register.title")}</h1>
      <p className="mb-4">{t("intake:register.intro")}</p>
      {inviteInvalid ? <Notice tone="error">{t("intake:register.invite_invalid")}</Notice> : null}
      {invite ? <Notice>{t("intake:register.invited")}</Notice> : null}
      <Form method="post" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        {invite ? <input type="hidden" name="invite" value={invite} /> : null}
        <TextField meta={fields.nativeName} label={t("intake:register.native_name")} autoComplete="name" hint={t("intake:register.native_name_hint")} />
        <TextField meta={fields.latinName} label={t("intake:register.latin_name")} hint={t("intake:register.latin_name_hint")} />
        <TextField meta={fields.email} label={t("auth:fields.email")} type="email" autoComplete="email" hint={t("intake:register.contact_hint")} />
        <TextField meta={fields.phone} label={t("intake:register.phone")} autoComplete="tel" />
        <SelectField meta={fields.countryOfOrigin} label={t("intake:register.country_of_origin")} options={countries} placeholder={t("intake:register.choose_country")} />
        <SelectField meta={fields.currentCountry} label={t("intake:register.current_country")} options={countries} placeholder={t("intake:register.choose_country")} />
        <TextField meta={fields.password} label={t("auth:fields.password")} type="password" autoComplete="new-password" hint={t("auth:reset.hint")} />
        <fieldset className="mb-4 rounded border border-slate-300 p-3">
          <legend className="px-1 font-medium">{t("intake:consent.title")}</legend>
          <p className="mb-2 text-sm text-slate-700">{t("intake:consent.intro")}</p>
          {CONSENT_PURPOSES.map((purpose) => {
            const meta = fields[`consent_${purpose}`];
            return (
              <div key={purpose} className="mb-2 flex items-start gap-2">
                <input {...getInputProps(meta, { type: "checkbox" })} key={meta.key} className="mt-1 size-5" />
                <label htmlFor={meta.id}>{t(CONSENT_LABEL_KEYS[purpose])}</label>
              </div>
            );
          })}
        </fieldset>
        <SubmitButton>{t("intake:register.submit")}</SubmitButton>
      </Form>
    </section>
  );
}
