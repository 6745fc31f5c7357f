import { z } from "zod";
import { emailAddress, requiredText } from "~/utils/validation";

export const SignInLinkSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("request"), email: emailAddress() }),
  z.object({ intent: z.literal("confirm"), token: requiredText() }),
]);
