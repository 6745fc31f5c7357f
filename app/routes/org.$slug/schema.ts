import { z } from "zod";

export const MemberStatusSchema = z.object({
  intent: z.enum(["disable", "enable"]),
  membershipId: z.string().min(1),
});
