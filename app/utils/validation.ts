import { z } from "zod";
import { passwordProblem, type PasswordProblem } from "~/domain/auth/password-policy";

// zod messages are translation keys, translated where they are shown (never a global error map:
// requests in different languages run at once).

// Control characters, and the bidirectional overrides that make text read differently from what
// it is. Newlines and tabs are allowed only in multi-line fields.
const UNSAFE = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;
export const hasUnsafe = (text: string, multiLine: boolean) => UNSAFE.test(multiLine ? text.replace(/[\n\r\t]/g, "") : text);

/** Free text: NFC, trimmed, bounded, without hidden characters. Empty input is "missing". */
export const freeText = (max: number, { multiLine = false } = {}) =>
  z
    .string({ error: "validation:required" })
    .transform((s) => s.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .min(1, "validation:required")
        .max(max, "validation:too_long")
        .refine((s) => !hasUnsafe(s, multiLine), "validation:unsafe_characters"),
    );

export const requiredText = () => z.string({ error: "validation:required" }).trim().min(1, "validation:required");

export const emailAddress = () =>
  z.string({ error: "validation:required" }).trim().toLowerCase().pipe(z.email({ error: "validation:email_invalid" }));

export const PASSWORD_PROBLEM_KEYS: Record<PasswordProblem, string> = {
  too_short: "validation:password_too_short",
  too_long: "validation:password_too_long",
  common: "validation:password_common",
};

/** A new password: the policy's reason becomes the message key. */
export const newPassword = () =>
  z.string({ error: "validation:required" }).superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: PASSWORD_PROBLEM_KEYS[problem] });
  });

/** Forms that ask only for an address (password reset, sign-in link). */
export const EmailOnlySchema = z.object({ email: emailAddress() });
