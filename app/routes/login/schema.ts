import { z } from "zod";
import { emailAddress, requiredText } from "~/utils/validation";

export const LoginSchema = z.object({
  email: emailAddress(),
  password: requiredText(),
  redirectTo: z.string().optional(),
});
export type Login = z.infer<typeof LoginSchema>;
