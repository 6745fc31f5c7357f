import { z } from "zod";
import { newPassword, requiredText } from "~/utils/validation";

export const ResetPasswordSchema = z
  .object({ token: requiredText(), password: newPassword(), confirm: z.string({ error: "validation:required" }) })
  .refine((value) => value.password === value.confirm, { path: ["confirm"], message: "validation:password_mismatch" });
