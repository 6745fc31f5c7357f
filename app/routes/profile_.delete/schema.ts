import { z } from "zod";

// A ticked box rather than a typed word: it asks the same of everyone, whatever their keyboard.
export const DeleteProfileSchema = z.object({
  confirm: z.boolean({ error: "profile:delete.confirm_required" }),
});
