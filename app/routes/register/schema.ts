import { z } from "zod";
import { CONSENT_PURPOSES } from "~/domain/consent/consent";
import { isCountryCode } from "~/domain/intake/countries";
import { hasUnsafeCharacters } from "~/domain/intake/duplicates";
import { normalisePhone } from "~/domain/intake/phone";
import { emailAddress, newPassword } from "~/utils/validation";

const name = (max: number) =>
  z
    .string({ error: "validation:required" })
    .transform((s) => s.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .min(1, "validation:required")
        .max(max, "validation:too_long")
        .refine((s) => !hasUnsafeCharacters(s), "validation:unsafe_characters"),
    );

const country = z
  .string()
  .optional()
  .refine((c) => !c || isCountryCode(c), "validation:invalid_country");

const checkbox = z.preprocess((v) => v === "on" || v === "true", z.boolean());

export const RegistrationSchema = z
  .object({
    invite: z.string().optional(),
    nativeName: name(200),
    latinName: name(200).optional(),
    email: emailAddress().optional(),
    phone: z.string().optional(),
    password: newPassword(),
    countryOfOrigin: country,
    currentCountry: country,
    ...Object.fromEntries(CONSENT_PURPOSES.map((p) => [`consent_${p}`, checkbox])) as Record<`consent_${(typeof CONSENT_PURPOSES)[number]}`, typeof checkbox>,
  })
  .superRefine((value, ctx) => {
    if (!value.email && !value.phone) ctx.addIssue({ code: "custom", path: ["email"], message: "validation:contact_required" });
    if (value.phone && !normalisePhone(value.phone, value.currentCountry))
      ctx.addIssue({ code: "custom", path: ["phone"], message: "validation:invalid_phone" });
  });
export type Registration = z.infer<typeof RegistrationSchema>;
