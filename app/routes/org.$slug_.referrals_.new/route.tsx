import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import QRCode from "qrcode";
import { useTranslation } from "react-i18next";
import { Notice, SubmitButton } from "~/components/form";
import { REFERRAL_ERROR_KEYS } from "~/domain/intake/referral-messages";
import { validateReferralInput } from "~/domain/intake/referral-input";
import { inviteReferral } from "~/models/invite.server";
import { importReferrals, resolveSkillLabels } from "~/models/referral.server";
import { requireOrganisationPermission } from "~/utils/auth.server";
import { titled } from "~/utils/route-handle";

export const handle = titled("intake:refer.title");

const FIELDS = [
  { name: "givenName", key: "intake:fields.givenName", autoComplete: "given-name", required: true },
  { name: "familyName", key: "intake:fields.familyName", autoComplete: "family-name", required: true },
  { name: "latinName", key: "intake:fields.latinName" },
  { name: "email", key: "intake:fields.email", type: "email", autoComplete: "email" },
  { name: "phone", key: "intake:fields.phone", type: "tel", autoComplete: "tel" },
  { name: "dateOfBirth", key: "intake:fields.dateOfBirth", type: "date" },
  { name: "countryOfOrigin", key: "intake:fields.countryOfOrigin", hint: "intake:refer.country_hint" },
  { name: "currentCountry", key: "intake:fields.currentCountry", hint: "intake:refer.country_hint" },
  { name: "preferredLanguage", key: "intake:fields.preferredLanguage", hint: "intake:refer.language_hint" },
  { name: "languages", key: "intake:fields.languages", hint: "intake:refer.languages_hint" },
  { name: "skills", key: "intake:fields.skills", hint: "intake:refer.skills_hint" },
  { name: "externalId", key: "intake:fields.externalId" },
] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, params.slug, "referral.create", "ngo");
  return { organisation };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organisation } = await requireOrganisationPermission(request, params.slug, "referral.create", "ngo");
  const raw = Object.fromEntries([...(await request.formData()).entries()].filter(([, v]) => typeof v === "string"));
  const parsed = validateReferralInput(raw);
  if (!parsed.ok) return data({ values: raw, errors: parsed.errors, invite: null }, { status: 400 });
  let result: { referralId: string; duplicate: boolean } | null = null;
  await importReferrals({
    organisationId: organisation.id,
    actorUserId: user.userId,
    rows: [{ row: 1, value: await resolveSkillLabels(parsed.value) }],
    onResult: (r) => (result = { referralId: r.referralId, duplicate: r.status === "duplicate" }),
  });
  const created = result as { referralId: string; duplicate: boolean } | null;
  if (!created) throw new Error("referral import returned no result");
  const invite = await inviteReferral(created.referralId);
  const qrSvg = await QRCode.toString(invite.url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { values: {}, errors: [], invite: { ...invite, qrSvg, duplicate: created.duplicate } };
}

export default function NewReferralPage() {
  const { t } = useTranslation();
  const { organisation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errorsFor = (field: string) => actionData?.errors.filter((e) => e.field === field) ?? [];
  const formErrors = actionData?.errors.filter((e) => !FIELDS.some((f) => f.name === e.field)) ?? [];

  if (actionData?.invite) {
    const { invite } = actionData;
    return (
      <section className="mx-auto max-w-xl space-y-4 rounded-lg bg-white p-6 shadow-sm">
        <h1 className="text-2xl font-bold">{t("intake:refer.done_title")}</h1>
        {invite.duplicate ? <Notice tone="error">{t("intake:refer.possible_duplicate")}</Notice> : null}
        <p>{invite.emailed ? t("intake:refer.emailed") : t("intake:refer.not_emailed")}</p>
        <div>
          <label htmlFor="invite-link" className="mb-1 block font-medium">
            {t("intake:refer.link_label")}
          </label>
          <input id="invite-link" readOnly value={invite.url} dir="ltr" className="w-full rounded border border-slate-400 px-3 py-2 font-mono text-sm" />
          <p className="mt-1 text-sm text-slate-700">{t("intake:refer.link_hint")}</p>
        </div>
        <figure>
          {/* The SVG comes from the qrcode library for our own URL; it contains no user input. */}
          <div role="img" aria-label={t("intake:refer.qr_label")} className="size-48" dangerouslySetInnerHTML={{ __html: invite.qrSvg }} />
        </figure>
        <div className="flex flex-wrap gap-3">
          <Link to={`/org/${organisation.slug}/referrals/new`} reloadDocument className="text-brand-700 underline">
            {t("intake:refer.another")}
          </Link>
          <Link to={`/org/${organisation.slug}/referrals`} className="text-brand-700 underline">
            {t("intake:referrals.title")}
          </Link>
        </div>
      </section>
    );
  }

  const values = (actionData?.values ?? {}) as Record<string, string>;
  return (
    <section className="mx-auto max-w-xl rounded-lg bg-white p-6 shadow-sm">
      <h1 className="mb-2 text-2xl font-bold">{t("intake:refer.title")}</h1>
      <p className="mb-4">{t("intake:refer.intro")}</p>
      {formErrors.length ? (
        <ul role="alert" className="mb-4 text-red-700">
          {formErrors.map((e) => (
            <li key={`${e.field}-${e.code}`}>{t(REFERRAL_ERROR_KEYS[e.code] ?? "intake:errors.invalid")}</li>
          ))}
        </ul>
      ) : null}
      <Form method="post" noValidate>
        {FIELDS.map((field) => {
          const errors = errorsFor(field.name);
          const hint = "hint" in field ? field.hint : undefined;
          const describedBy = [hint ? `${field.name}-hint` : null, errors.length ? `${field.name}-error` : null].filter(Boolean).join(" ") || undefined;
          return (
            <div key={field.name} className="mb-4">
              <label htmlFor={field.name} className="mb-1 block font-medium">
                {t(field.key)}
              </label>
              {hint ? (
                <p id={`${field.name}-hint`} className="mb-1 text-sm text-slate-700">
                  {t(hint)}
                </p>
              ) : null}
              <input
                id={field.name}
                name={field.name}
                type={"type" in field ? field.type : "text"}
                autoComplete={"autoComplete" in field ? field.autoComplete : "off"}
                required={"required" in field}
                defaultValue={values[field.name] ?? ""}
                aria-invalid={errors.length ? true : undefined}
                aria-describedby={describedBy}
                className="w-full rounded border border-slate-400 bg-white px-3 py-2"
              />
              {errors.length ? (
                <ul id={`${field.name}-error`} className="mt-1 text-sm text-red-700">
                  {errors.map((e) => (
                    <li key={e.code}>{t(REFERRAL_ERROR_KEYS[e.code] ?? "intake:errors.invalid")}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          );
        })}
        <div className="mb-4">
          <label htmlFor="note" className="mb-1 block font-medium">
            {t("intake:fields.note")}
          </label>
          <textarea id="note" name="note" rows={3} defaultValue={values.note ?? ""} className="w-full rounded border border-slate-400 bg-white px-3 py-2" />
        </div>
        <SubmitButton>{t("intake:refer.submit")}</SubmitButton>
      </Form>
    </section>
  );
}
