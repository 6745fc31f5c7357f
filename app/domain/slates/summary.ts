// What an employer may read about a person before an introduction: the work they did and for how
// long, never where or for whom (an employer's name can point to a town or a person).
import type { HistoryEntry } from "../profile/entries";

export interface ExperienceLine {
  title: string;
  months: number | null;
}

/** Months since year 0 of a "YYYY-MM" or "YYYY" date; a bare year counts from its start. */
function monthIndex(value: string): number | null {
  const match = /^(\d{4})(?:-(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const month = match[2] ? Number(match[2]) : 1;
  if (month < 1 || month > 12) return null;
  return Number(match[1]) * 12 + (month - 1);
}

/** Each job's title and length in months (inclusive; null when the dates cannot be read), newest first. */
export function experienceSummary(history: readonly HistoryEntry[], now: Date): ExperienceLine[] {
  const current = now.getUTCFullYear() * 12 + now.getUTCMonth();
  return history
    .map((entry) => {
      const from = monthIndex(entry.from);
      const to = entry.to === null ? current : monthIndex(entry.to);
      const months = from === null || to === null || to < from ? null : to - from + 1;
      return { title: entry.title.slice(0, 120), months, start: from ?? -1 };
    })
    .sort((a, b) => b.start - a.start)
    .map(({ title, months }) => ({ title, months }));
}

/** The pseudonym an employer sees: "C-" and four characters no one confuses (no 0/O, 1/I). */
export const REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export function slateReference(randomBytes: Uint8Array): string {
  return `C-${[...randomBytes.slice(0, 4)].map((byte) => REFERENCE_ALPHABET[byte % REFERENCE_ALPHABET.length]).join("")}`;
}
