import { z } from "zod";
import { CONSENT_PURPOSES, type ConsentPurpose } from "~/domain/consent/consent";
import { isCountryCode } from "~/domain/intake/countries";
import { normalisePhone } from "~/domain/intake/phone";
import { splitList, MAX_DESIRED_ROLES } from "~/domain/profile/entries";
import { CEFR_LEVELS, isLanguageCode, isTimeZone } from "~/domain/profile/languages";
import { emailAddress, freeText as text, hasUnsafe } from "~/utils/validation";

// Latin letters with any accents, and what names contain besides letters.
const LATIN_NAME = /^[\p{Script=Latin}\p{M}\s'’.-]+$/u;

const country = z
  .string()
  .optional()
  .refine((c) => !c || isCountryCode(c), "validation:invalid_country");

const MONTH = /^(19|20)\d{2}(-(0[1-9]|1[0-2]))?$/;
/** YYYY-MM or YYYY, as `<input type="month">` sends it (or a person types it where it is a text box). */
const month = z.string({ error: "validation:required" }).trim().regex(MONTH, "profile:errors.month_invalid");

function isPastDate(value: string, today = new Date()): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && value >= "1900-01-01" && date <= today;
}

export const BasicsSchema = z.object({
  intent: z.literal("basics"),
  nativeName: text(200),
  latinName: text(200).refine((s) => LATIN_NAME.test(s), "profile:errors.latin_only"),
  countryOfOrigin: country,
  currentCountry: country,
  dateOfBirth: z
    .string()
    .trim()
    .optional()
    .refine((d) => !d || isPastDate(d), "profile:errors.date_of_birth"),
  timeZone: z
    .string()
    .optional()
    .refine((tz) => !tz || isTimeZone(tz), "profile:errors.time_zone"),
  availabilityHours: z
    .number({ error: "profile:errors.hours_range" })
    .int("profile:errors.hours_range")
    .min(0, "profile:errors.hours_range")
    .max(80, "profile:errors.hours_range")
    .optional(),
  desiredRoles: z
    .string()
    .optional()
    .transform((raw) => splitList(raw ?? ""))
    .refine((roles) => roles.length <= MAX_DESIRED_ROLES, "profile:errors.roles_limit")
    .refine((roles) => roles.every((role) => role.length <= 100), "validation:too_long")
    .refine((roles) => roles.every((role) => !hasUnsafe(role, false)), "validation:unsafe_characters"),
});

/** Contact: at least one of email and phone; the phone is read in the person's current country. */
export const contactSchema = (defaultCountry?: string | null) =>
  z
    .object({
      intent: z.literal("contact"),
      email: emailAddress().optional(),
      phone: z.string().trim().max(40, "validation:invalid_phone").optional(),
    })
    .transform((value, ctx) => {
      if (!value.email && !value.phone) {
        ctx.addIssue({ code: "custom", path: ["email"], message: "validation:contact_required" });
        return z.NEVER;
      }
      const phone = value.phone ? normalisePhone(value.phone, defaultCountry ?? undefined) : null;
      if (value.phone && !phone) {
        ctx.addIssue({ code: "custom", path: ["phone"], message: "validation:invalid_phone" });
        return z.NEVER;
      }
      return { intent: value.intent, email: value.email ?? null, phone };
    });

export const LanguageAddSchema = z.object({
  intent: z.literal("language_add"),
  code: z.string({ error: "profile:errors.language_required" }).refine(isLanguageCode, "profile:errors.language_required"),
  level: z.enum(CEFR_LEVELS, { error: "profile:errors.level_required" }),
});

const historyEntry = <T extends "work_add" | "education_add">(intent: T) =>
  z
    .object({
      intent: z.literal(intent),
      title: text(150),
      organisation: text(150),
      from: month,
      to: month.optional(),
      description: text(1000, { multiLine: true }).optional(),
    })
    .superRefine((entry, ctx) => {
      // A year alone stands for its whole span: from January, to December.
      const start = entry.from.length === 4 ? `${entry.from}-01` : entry.from;
      const end = entry.to ? (entry.to.length === 4 ? `${entry.to}-12` : entry.to) : null;
      const thisMonth = new Date().toISOString().slice(0, 7);
      if (start > thisMonth) ctx.addIssue({ code: "custom", path: ["from"], message: "profile:errors.month_future" });
      if (end && end < start) ctx.addIssue({ code: "custom", path: ["to"], message: "profile:errors.month_order" });
    });

export const WorkAddSchema = historyEntry("work_add");
export const EducationAddSchema = historyEntry("education_add");

export const LinkAddSchema = z.object({
  intent: z.literal("link_add"),
  url: z
    .string({ error: "validation:required" })
    .trim()
    .max(500, "validation:too_long")
    .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: "profile:errors.url_invalid" }))
    .transform((url) => new URL(url).href),
});

const consentFields = Object.fromEntries(CONSENT_PURPOSES.map((p) => [`consent_${p}`, z.boolean().default(false)])) as Record<
  `consent_${ConsentPurpose}`,
  z.ZodDefault<z.ZodBoolean>
>;
export const ConsentsSchema = z.object({ intent: z.literal("consents"), ...consentFields });

const removal = <T extends string, K extends string>(intent: T, key: K) =>
  z.object({ intent: z.literal(intent), [key]: z.string().min(1).max(500) } as { intent: z.ZodLiteral<T> } & Record<K, z.ZodString>);

/** Every form on the profile page, told apart by its `intent` (the name of the button). */
export const profileActionSchema = (context: { defaultCountry?: string | null }) =>
  z.discriminatedUnion("intent", [
    BasicsSchema,
    contactSchema(context.defaultCountry),
    LanguageAddSchema,
    removal("language_remove", "code"),
    z.object({ intent: z.literal("skill_save"), uri: z.string().min(1).max(500), level: z.number().int().min(1).max(5) }),
    removal("skill_remove", "uri"),
    WorkAddSchema,
    removal("work_remove", "entryId"),
    EducationAddSchema,
    removal("education_remove", "entryId"),
    LinkAddSchema,
    removal("link_remove", "url"),
    z.object({ intent: z.literal("cv_remove") }),
    ConsentsSchema,
  ]);
export type ProfileAction = z.infer<ReturnType<typeof profileActionSchema>>;
export type ProfileIntent = ProfileAction["intent"];
