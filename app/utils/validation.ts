import { z } from "zod";
import { passwordProblem, type PasswordProblem } from "~/domain/auth/password-policy";

// zod messages are translation keys, translated where they are shown (never a global error map:
// requests in different languages run at once).

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
