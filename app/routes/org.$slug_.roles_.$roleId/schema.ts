import { z } from "zod";
import {
  CEFR_LEVELS,
  isLanguageCode,
  isTimeZone,
} from "~/domain/profile/languages";
import { ROLE_STATUSES } from "~/domain/slates/decisions";
import { SUPPORTED_LANGUAGES } from "~/i18n/config";
import { freeText } from "~/utils/validation";

const optionalInt = (max: number) =>
  z.preprocess(
    (value) => (value === "" || value === undefined ? null : value),
    z.coerce
      .number()
      .int("slates:role.invalid_value")
      .min(1, "slates:role.invalid_value")
      .max(max, "slates:role.invalid_value")
      .nullable()
  );

/** "PL de ua" → ["PL", "DE", "UA"]; anything that is not a two-letter code is an error. */
const countries = z
  .string()
  .default("")
  .pipe(
    z
      .string()
      .max(300, "validation:too_long")
      .transform((text) => text.toUpperCase().split(/[\s,;]+/).filter(Boolean))
      .refine((codes) => codes.every((code) => /^[A-Z]{2}$/.test(code)), "slates:role.countries_invalid")
      .transform((codes) => [...new Set(codes)]),
  );

/** Parse with conform's `disableAutoCoercion`: empty fields arrive as "" and each field says what that means. */
export const RoleBasicsSchema = z.object({
  intent: z.literal("basics"),
  title: freeText(120),
  description: freeText(4000, { multiLine: true }),
  language: z.enum(SUPPORTED_LANGUAGES, "slates:role.invalid_value"),
  status: z.enum(ROLE_STATUSES, "slates:role.invalid_value"),
  timeZone: z
    .string({ error: "validation:required" })
    .refine(isTimeZone, "slates:role.invalid_value"),
  minOverlapHours: z.coerce
    .number("slates:role.invalid_value")
    .int("slates:role.invalid_value")
    .min(0, "slates:role.invalid_value")
    .max(8, "slates:role.invalid_value"),
  hoursPerWeek: z.coerce
    .number("slates:role.invalid_value")
    .int("slates:role.invalid_value")
    .min(1, "slates:role.invalid_value")
    .max(60, "slates:role.invalid_value"),
  durationWeeks: optionalInt(260),
  budgetPerHour: optionalInt(10_000),
  currency: z
    .string({ error: "validation:required" })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "slates:role.invalid_value"),
  countries,
});

export const RoleActionSchema = z.discriminatedUnion("intent", [
  RoleBasicsSchema,
  z.object({
    intent: z.literal("skill_add"),
    uri: z.string().min(1).max(500),
    weight: z.coerce.number().int().min(1).max(5),
    minLevel: z.coerce.number().int().min(1).max(5),
    required: z.enum(["yes", "no"]).transform((v) => v === "yes"),
    q: z.string().max(100).optional(),
  }),
  z.object({
    intent: z.literal("skill_remove"),
    uri: z.string().min(1).max(500),
  }),
  z.object({
    intent: z.literal("language_add"),
    code: z.string().refine(isLanguageCode),
    minLevel: z.enum(CEFR_LEVELS),
  }),
  z.object({ intent: z.literal("language_remove"), code: z.string().max(10) }),
  z.object({
    intent: z.literal("generate"),
    size: z.coerce.number().int().min(1).max(100),
    balance: z
      .enum(["none", "20", "30", "50"])
      .transform((v) => (v === "none" ? null : Number(v) / 100)),
  }),
]);

export const SLATE_SIZES = [10, 25, 50, 100] as const;
export const BALANCE_OPTIONS = ["none", "20", "30", "50"] as const;
