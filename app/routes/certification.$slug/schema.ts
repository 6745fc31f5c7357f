import { z } from "zod";
import { freeText } from "~/utils/validation";

export const MAX_EVIDENCE_FILES = 3;
export const MAX_EVIDENCE_LINKS = 5;

const link = z
  .string()
  .max(500, "validation:too_long")
  .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: "badges:request.errors.link_invalid" }))
  .transform((url) => new URL(url).href);

/** The text part of an assessment request (files are checked by content in the action). */
export const RequestSchema = z.object({
  statement: freeText(3000, { multiLine: true }),
  links: z
    .string()
    .optional()
    .transform((raw) => [...new Set((raw ?? "").split(/\s+/).map((s) => s.trim()).filter(Boolean))])
    .pipe(z.array(link).max(MAX_EVIDENCE_LINKS, "badges:request.errors.too_many_links")),
});
