import { z } from "zod";
import { freeText } from "~/utils/validation";

export const MAX_ACTION_ITEMS = 10;

/** A logged session: when, the coach's notes (sealed at rest), and action items for the candidate. */
export const SessionSchema = z.object({
  heldOn: z
    .string({ error: "validation:required" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "coaching:session.errors.date_invalid")
    .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)), "coaching:session.errors.date_invalid")
    // Tomorrow is allowed: the coach's day may already have begun where they are.
    .refine((day) => day <= new Date(Date.now() + 86_400_000).toISOString().slice(0, 10), "coaching:session.errors.date_future"),
  notes: freeText(5000, { multiLine: true }),
  actionItems: z
    .string()
    .optional()
    .transform((raw) => (raw ?? "").split(/\r?\n/).map((line) => line.normalize("NFC").trim()).filter(Boolean))
    .pipe(
      z
        .array(freeText(200))
        .max(MAX_ACTION_ITEMS, "coaching:session.errors.too_many_items"),
    ),
});
