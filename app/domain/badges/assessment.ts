// The rules of certification, without a database: a badge's texts in the reader's language, the
// multiple-choice check, when an assessor may pass someone, who assesses a request, and what a
// public verifier is told about an award.
import { z } from "zod";
import { SUPPORTED_LANGUAGES } from "~/i18n/config";

export const BADGE_LEVELS = ["foundation", "intermediate", "advanced"] as const;
export type BadgeLevel = (typeof BADGE_LEVELS)[number];

export const BADGE_LEVEL_KEYS: Record<BadgeLevel, string> = {
  foundation: "badges:levels.foundation",
  intermediate: "badges:levels.intermediate",
  advanced: "badges:levels.advanced",
};

export function isBadgeLevel(value: unknown): value is BadgeLevel {
  return typeof value === "string" && (BADGE_LEVELS as readonly string[]).includes(value);
}

/** The translation key of a stored level (a level the code no longer knows reads as foundation). */
export function badgeLevelKey(level: string): string {
  return BADGE_LEVEL_KEYS[isBadgeLevel(level) ? level : "foundation"];
}

const Translated = z.record(z.string(), z.string());
const BadgeTexts = z.record(z.string(), z.object({ name: z.string(), description: z.string(), criteria: z.string() }));
const Rubric = z.array(z.object({ id: z.string(), texts: Translated }));
const Quiz = z.array(z.object({ id: z.string(), texts: Translated, options: z.array(Translated).min(2), answer: z.number().int().min(0) }));

export type BadgeTextSet = { name: string; description: string; criteria: string };
export type RubricItem = z.infer<typeof Rubric>[number];
export type QuizQuestion = z.infer<typeof Quiz>[number];

function parse<T>(schema: z.ZodType<T>, json: string, fallback: T): T {
  try {
    const parsed = schema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

/** A translated text in `language`, else English, else any: a badge is never shown without a name. */
function pick(texts: Record<string, string>, language: string): string {
  return texts[language] ?? texts.en ?? Object.values(texts)[0] ?? "";
}

export function badgeTexts(json: string, language: string): BadgeTextSet & { language: string } {
  const all = parse(BadgeTexts, json, {});
  const chosen = all[language] ? language : all.en ? "en" : (Object.keys(all)[0] ?? "en");
  return { ...(all[chosen] ?? { name: "", description: "", criteria: "" }), language: chosen };
}

/** The languages a definition is missing texts in (definitions must cover every supported one). */
export function missingLanguages(json: string): string[] {
  const all = parse(BadgeTexts, json, {});
  return SUPPORTED_LANGUAGES.filter((lng) => !all[lng] || !all[lng].name.trim() || !all[lng].description.trim() || !all[lng].criteria.trim());
}

export function rubricItems(json: string, language: string): Array<{ id: string; text: string }> {
  return parse(Rubric, json, []).map((item) => ({ id: item.id, text: pick(item.texts, language) }));
}

export function quizQuestions(json: string, language: string): Array<{ id: string; text: string; options: string[] }> {
  return parse(Quiz, json, []).map((q) => ({ id: q.id, text: pick(q.texts, language), options: q.options.map((o) => pick(o, language)) }));
}

/** Correct answers: `answers` maps question id → chosen option index (missing counts as wrong). */
export function gradeQuiz(json: string, answers: Readonly<Record<string, number | undefined>>): { correct: number; total: number } {
  const quiz = parse(Quiz, json, []);
  return { correct: quiz.filter((q) => answers[q.id] === q.answer).length, total: quiz.length };
}

export type PassBlocker = "rubric_incomplete" | "quiz_below_pass_mark";

/**
 * Why an assessor may not pass a request yet (empty: they may). Failing is always allowed: an
 * assessor who sees a problem must be able to say so.
 */
export function passBlockers(input: { rubricIds: readonly string[]; checked: readonly string[]; quizCorrect: number | null; quizPassMark: number }): PassBlocker[] {
  const blockers: PassBlocker[] = [];
  const checked = new Set(input.checked);
  if (input.rubricIds.some((id) => !checked.has(id))) blockers.push("rubric_incomplete");
  if (input.quizPassMark > 0 && (input.quizCorrect ?? 0) < input.quizPassMark) blockers.push("quiz_below_pass_mark");
  return blockers;
}

export interface AssessorCandidate {
  id: string;
  languages: readonly string[];
  /** Concept URIs the assessor covers (a group covers everything under it). */
  areas: readonly string[];
  /** Requests they have open now. */
  openRequests: number;
}

/**
 * Who assesses a request: someone sharing a language with the candidate, preferring those whose
 * areas cover one of the badge's skills (the skill itself or a broader group), then the least
 * loaded, then a stable order. Null: nobody shares a language — the request waits in the common
 * queue for any assessor.
 */
export function routeAssessment(
  request: { candidateLanguages: readonly string[]; badgeSkills: ReadonlyArray<{ uri: string; ancestors: readonly string[] }> },
  assessors: readonly AssessorCandidate[],
): string | null {
  const languages = new Set(request.candidateLanguages);
  const wanted = new Set(request.badgeSkills.flatMap((s) => [s.uri, ...s.ancestors]));
  const ranked = assessors
    .filter((a) => a.languages.some((l) => languages.has(l)))
    .map((a) => ({ a, covers: a.areas.some((uri) => wanted.has(uri)) }))
    .sort((x, y) => Number(y.covers) - Number(x.covers) || x.a.openRequests - y.a.openRequests || x.a.id.localeCompare(y.a.id));
  return ranked[0]?.a.id ?? null;
}

export type AwardState = { state: "valid" } | { state: "revoked"; reason: string | null; at: Date } | { state: "expired"; at: Date };

/** What the public verification page says about an award. */
export function awardState(award: { revokedAt: Date | null; revocationReason: string | null; validUntil: Date | null }, now: Date): AwardState {
  if (award.revokedAt) return { state: "revoked", reason: award.revocationReason, at: award.revokedAt };
  if (award.validUntil && award.validUntil.getTime() <= now.getTime()) return { state: "expired", at: award.validUntil };
  return { state: "valid" };
}

export type RequestBlocker = "already_awarded" | "already_open";

/** Whether a candidate may ask to be assessed for a badge, given their earlier requests for it. */
export function requestBlocker(earlier: ReadonlyArray<{ status: string }>): RequestBlocker | null {
  if (earlier.some((r) => r.status === "passed")) return "already_awarded";
  if (earlier.some((r) => r.status === "submitted")) return "already_open";
  return null;
}
