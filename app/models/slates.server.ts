// Slates: generated from the index, checked against the database, stored as generated; employers'
// decisions on entries; introductions the candidate accepts or declines; "still looking" reminders.
import crypto from "node:crypto";
import { badgeTexts } from "~/domain/badges/assessment";
import { describeSlateReason, reasonGroup, TRANSITIONS, type EntryDecision, type RejectReason } from "~/domain/slates/decisions";
import { parseHistory, parseStringList } from "~/domain/profile/entries";
import { evaluateCandidate } from "~/domain/slates/score";
import { experienceSummary, slateReference, type ExperienceLine } from "~/domain/slates/summary";
import { DAY_MS, INTEREST_VALID_DAYS, SLATE_ENGINE_VERSION, type RoleRequirements, type SlateOptions, type SlateReason } from "~/domain/slates/types";
import { interestReminderEmail, introductionAnsweredEmail, introductionRequestedEmail } from "~/emails/slates";
import { i18next } from "~/i18n/i18next.server";
import { notifyPerson, recipientSelect } from "~/services/email.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { consumeToken, issueToken } from "./account.server";
import { audit } from "./audit.server";
import { advanceStage } from "./pipeline.server";
import { roleRequirements } from "./roles.server";
import { currentSlatePool, readSlateCandidates } from "./slate-pool.server";
import { labelsFor } from "./taxonomy.server";

export const DEFAULT_SLATE_SIZE = 25;
/** Harbor asks this many days before "still looking" lapses. */
export const INTEREST_REMINDER_DAYS = 7;

interface EntrySummary {
  experience: ExperienceLine[];
  /** Valid badges at generation: award id → badge slug. */
  badges: Array<{ awardId: string; slug: string }>;
}

export type GenerateResult = { status: "ok"; slateId: string } | { status: "not_found" } | { status: "not_open" } | { status: "no_skills" };

/** Attempts to get a slate whose every entry the database confirms before settling for fewer. */
const VERIFY_ATTEMPTS = 3;

/**
 * Ranks the whole pool for a role and stores the slate. The index proposes; each proposed
 * person is re-read from the database and scored again by the reference scorer, and anyone the
 * index had wrong (changed, erased, withdrew consent a moment ago) is corrected in the index and
 * the query repeated, so what is stored is always what the database says now.
 */
export async function generateSlate(input: { actorUserId: string; organisationId: string; roleId: string; size: number; balanceShare: number | null; now?: Date }): Promise<GenerateResult> {
  const now = input.now ?? new Date();
  const role = await db.role.findFirst({
    where: { id: input.roleId, organisationId: input.organisationId },
    select: { id: true, status: true, timeZone: true, minOverlapHours: true, hoursPerWeek: true, countries: true, skills: { select: { conceptUri: true, weight: true, minLevel: true, required: true } }, languages: { select: { code: true, minLevel: true } } },
  });
  if (!role) return { status: "not_found" };
  if (role.status !== "open") return { status: "not_open" };
  if (role.skills.length === 0) return { status: "no_skills" };
  const requirements = roleRequirements({ ...role, countries: parseStringList(role.countries) }, now);
  const options: SlateOptions = { size: input.size, balanceShare: input.balanceShare, now: now.getTime() };

  const { entries, eligible, heldBack } = await verifiedSlate(requirements, options, now);
  const summaries = await entrySummaries(entries.map((e) => e.candidateId), now);
  const references = uniqueReferences(entries.length);
  const slate = await db.slate.create({
    data: {
      roleId: role.id,
      inputs: JSON.stringify({ requirements, options: { ...options, now: now.toISOString() } }),
      engineVersion: SLATE_ENGINE_VERSION,
      size: input.size,
      balanceShare: input.balanceShare,
      eligibleCount: eligible,
      heldBack,
      createdById: input.actorUserId,
      entries: {
        create: entries.map((entry, i) => ({
          rank: i + 1,
          reference: references[i] as string,
          candidateProfileId: entry.candidateId,
          score: entry.score,
          reasons: JSON.stringify(entry.reasons),
          summary: JSON.stringify(summaries.get(entry.candidateId) ?? { experience: [], badges: [] }),
        })),
      },
    },
    select: { id: true },
  });
  await audit({ action: "slate.generated", outcome: "success", actorUserId: input.actorUserId, targetType: "slate", targetId: slate.id, detail: { entries: entries.length, eligible } });
  return { status: "ok", slateId: slate.id };
}

async function verifiedSlate(requirements: RoleRequirements, options: SlateOptions, now: Date) {
  for (let attempt = 1; ; attempt++) {
    const { index, taxonomy } = await currentSlatePool();
    const result = index.query(requirements, options);
    const fresh = await readSlateCandidates(
      result.entries.map((e) => e.candidateId),
      now,
    );
    const confirmed: Array<{ candidateId: string; score: number; reasons: SlateReason[] }> = [];
    let wrong = 0;
    for (const entry of result.entries) {
      const candidate = fresh.get(entry.candidateId);
      const evaluation = candidate ? evaluateCandidate(requirements, candidate, taxonomy, options.now) : null;
      if (candidate && evaluation?.eligible && evaluation.score === entry.score) {
        confirmed.push({ candidateId: entry.candidateId, score: entry.score, reasons: evaluation.reasons });
        continue;
      }
      wrong++;
      if (candidate) index.upsert(candidate);
      else index.remove(entry.candidateId);
    }
    if (wrong === 0 || attempt === VERIFY_ATTEMPTS) return { entries: confirmed, eligible: result.eligible, heldBack: result.heldBackForBalance };
  }
}

async function entrySummaries(profileIds: readonly string[], now: Date): Promise<Map<string, EntrySummary>> {
  const profiles = await db.candidateProfile.findMany({
    where: { id: { in: [...profileIds] } },
    select: { id: true, workHistory: true, badgeAwards: { where: { revokedAt: null, OR: [{ validUntil: null }, { validUntil: { gt: now } }] }, select: { id: true, badge: { select: { slug: true } } } } },
  });
  return new Map(
    profiles.map((p) => [p.id, { experience: experienceSummary(parseHistory(p.workHistory), now), badges: p.badgeAwards.map((a) => ({ awardId: a.id, slug: a.badge.slug })) }]),
  );
}

function uniqueReferences(count: number): string[] {
  const references = new Set<string>();
  while (references.size < count) references.add(slateReference(crypto.randomBytes(4)));
  return [...references];
}

export async function listSlates(organisationId: string, roleId: string) {
  return db.slate.findMany({
    where: { roleId, role: { organisationId } },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, size: true, eligibleCount: true, _count: { select: { entries: true } } },
  });
}

/** Keys an employer's view of an entry may have. Anything else is a leak (tests check both pages). */
export const EMPLOYER_ENTRY_KEYS = ["id", "rank", "reference", "score", "status", "rejectReason", "reasons", "experience", "badges", "introduced"] as const;

export type ReaderReason = SlateReason & { label: string; viaLabel?: string; badgeNames?: string[] };

/**
 * A slate as the employer reads it, in the reader's language: the snapshot's entries with skill and
 * badge names, and a person's name and contact only once they accepted an introduction. Null when
 * the slate is not the organisation's.
 */
export async function viewSlate(organisationId: string, slateId: string, language: string) {
  const slate = await db.slate.findFirst({
    where: { id: slateId, role: { organisationId } },
    select: {
      id: true,
      createdAt: true,
      engineVersion: true,
      size: true,
      balanceShare: true,
      eligibleCount: true,
      heldBack: true,
      role: { select: { id: true, title: true } },
      entries: {
        orderBy: { rank: "asc" },
        select: {
          id: true,
          rank: true,
          reference: true,
          score: true,
          status: true,
          rejectReason: true,
          reasons: true,
          summary: true,
          introduction: { select: { status: true } },
          candidate: { select: { nativeName: true, latinName: true, consentEmail: true, userId: true } },
        },
      },
    },
  });
  if (!slate) return null;
  const parsed = slate.entries.map((entry) => ({ entry, reasons: JSON.parse(entry.reasons) as SlateReason[], summary: JSON.parse(entry.summary) as EntrySummary }));
  const uris = new Set<string>();
  for (const { reasons } of parsed) {
    for (const reason of reasons) {
      if ("uri" in reason) uris.add(reason.uri);
      if ("via" in reason) uris.add(reason.via);
    }
  }
  const slugs = new Set(parsed.flatMap(({ summary }) => summary.badges.map((b) => b.slug)));
  const [labels, badges] = await Promise.all([labelsFor([...uris], language), db.badgeDefinition.findMany({ where: { slug: { in: [...slugs] } }, select: { slug: true, texts: true } })]);
  const badgeName = new Map(badges.map((b) => [b.slug, badgeTexts(b.texts, language).name]));
  // Contact addresses only of people who accepted an introduction and agree to be emailed.
  const contactIds = slate.entries.filter((e) => e.introduction?.status === "accepted" && e.candidate?.consentEmail).map((e) => e.candidate?.userId as string);
  const emails = new Map((await db.user.findMany({ where: { id: { in: contactIds } }, select: { id: true, email: true } })).map((u) => [u.id, u.email]));
  const label = (uri: string) => labels.get(uri)?.label ?? uri;

  const entries = parsed.map(({ entry, reasons, summary }) => {
    const slugOf = new Map(summary.badges.map((b) => [b.awardId, b.slug]));
    const introduced = entry.introduction?.status === "accepted" && entry.candidate ? { name: `${entry.candidate.nativeName} (${entry.candidate.latinName})`, email: emails.get(entry.candidate.userId) ?? null } : null;
    const view = {
      id: entry.id,
      rank: entry.rank,
      reference: entry.reference,
      score: entry.score,
      status: entry.status,
      rejectReason: entry.rejectReason,
      reasons: reasons.map(
        (reason): ReaderReason => ({
          ...reason,
          label: "uri" in reason ? label(reason.uri) : "",
          ...("via" in reason ? { viaLabel: label(reason.via) } : {}),
          ...(reason.code === "skill_verified" ? { badgeNames: reason.badges.map((id) => badgeName.get(slugOf.get(id) ?? "") ?? "").filter(Boolean) } : {}),
        }),
      ),
      experience: summary.experience,
      badges: [...new Set(summary.badges.map((b) => badgeName.get(b.slug) ?? b.slug))],
      introduced,
    } satisfies Record<(typeof EMPLOYER_ENTRY_KEYS)[number], unknown>;
    return view;
  });
  return {
    id: slate.id,
    createdAt: slate.createdAt,
    engineVersion: slate.engineVersion,
    size: slate.size,
    balanceShare: slate.balanceShare,
    eligibleCount: slate.eligibleCount,
    heldBack: slate.heldBack,
    role: slate.role,
    entries,
  };
}

export type SlateView = NonNullable<Awaited<ReturnType<typeof viewSlate>>>;

export type DecideEntryResult = { status: "ok" } | { status: "not_found" } | { status: "not_allowed" } | { status: "gone" };

/** Records an employer's decision on an entry, if the entry's state allows it (offers: placements.server makeOffer). */
export async function decideEntry(input: { actorUserId: string; organisationId: string; entryId: string; decision: Exclude<EntryDecision, "offer">; reasonCode: RejectReason | null }): Promise<DecideEntryResult> {
  const entry = await db.slateEntry.findFirst({
    where: { id: input.entryId, slate: { role: { organisationId: input.organisationId } } },
    select: {
      id: true,
      status: true,
      reference: true,
      candidateProfileId: true,
      slate: { select: { id: true, role: { select: { title: true, organisation: { select: { name: true } } } } } },
      candidate: { select: { stage: true, userId: true } },
    },
  });
  if (!entry) return { status: "not_found" };
  if (!entry.candidateProfileId || !entry.candidate) return { status: "gone" };
  const transition = TRANSITIONS[input.decision];
  if (!(transition.from as readonly string[]).includes(entry.status)) return { status: "not_allowed" };
  const profileId = entry.candidateProfileId;

  const applied = await db.$transaction(async (tx) => {
    // Conditional on the status read: of two concurrent decisions, one applies.
    const { count } = await tx.slateEntry.updateMany({
      where: { id: entry.id, status: entry.status },
      data: { status: transition.to, rejectReason: input.decision === "reject" ? input.reasonCode : null },
    });
    if (count === 0) return false;
    await tx.slateDecision.create({ data: { entryId: entry.id, actorUserId: input.actorUserId, decision: input.decision, reasonCode: input.decision === "reject" ? input.reasonCode : null } });
    if (input.decision === "request_introduction") {
      await tx.introduction.upsert({ where: { entryId: entry.id }, create: { entryId: entry.id, candidateProfileId: profileId }, update: {} });
    }
    if (input.decision === "shortlist" || input.decision === "request_introduction") await advanceStage(tx, profileId, "slated");
    return true;
  });
  if (!applied) return { status: "not_allowed" };
  await audit({ action: `slate_entry.${input.decision}`, outcome: "success", actorUserId: input.actorUserId, targetType: "slate_entry", targetId: entry.id, detail: input.reasonCode ? { reason: input.reasonCode } : undefined });
  if (input.decision === "request_introduction") {
    const person = await db.user.findUnique({ where: { id: entry.candidate.userId }, select: recipientSelect });
    await notifyPerson(person, "introduction_requested", "/introductions", (t, locale, name) =>
      introductionRequestedEmail(t, locale, { name, employer: entry.slate.role.organisation.name, role: entry.slate.role.title, url: `${env().APP_URL}/introductions` }),
    );
  }
  return { status: "ok" };
}

/** The introductions an employer asked a person for, with who is asking and for what. */
export async function candidateIntroductions(userId: string) {
  const introductions = await db.introduction.findMany({
    where: { candidate: { userId } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      status: true,
      createdAt: true,
      respondedAt: true,
      entry: {
        select: {
          slate: {
            select: {
              role: { select: { title: true, description: true, language: true, hoursPerWeek: true, durationWeeks: true, budgetPerHour: true, currency: true, timeZone: true, organisation: { select: { name: true } } } },
            },
          },
        },
      },
    },
  });
  return introductions.map(({ entry, ...introduction }) => ({ ...introduction, role: entry.slate.role }));
}

export type AnswerIntroductionResult = { status: "ok" } | { status: "not_found" } | { status: "already_answered" };

/** The person accepts (their name and, with consent, email go to the employer) or declines. */
export async function answerIntroduction(userId: string, introductionId: string, accept: boolean): Promise<AnswerIntroductionResult> {
  const introduction = await db.introduction.findFirst({
    where: { id: introductionId, candidate: { userId } },
    select: { id: true, status: true, entryId: true, entry: { select: { reference: true, slate: { select: { id: true, role: { select: { title: true, organisationId: true } } } } } } },
  });
  if (!introduction) return { status: "not_found" };
  const answered = await db.$transaction(async (tx) => {
    const { count } = await tx.introduction.updateMany({ where: { id: introduction.id, status: "pending" }, data: { status: accept ? "accepted" : "declined", respondedAt: new Date() } });
    if (count === 0) return false;
    await tx.slateEntry.update({ where: { id: introduction.entryId }, data: { status: accept ? "introduced" : "introduction_declined" } });
    return true;
  });
  if (!answered) return { status: "already_answered" };
  await audit({ action: accept ? "introduction.accepted" : "introduction.declined", outcome: "success", actorUserId: userId, targetType: "introduction", targetId: introduction.id });
  const asker = await db.slateDecision.findFirst({ where: { entryId: introduction.entryId, decision: "request_introduction" }, orderBy: { createdAt: "desc" }, select: { actorUserId: true } });
  const employer = asker?.actorUserId ? await db.user.findUnique({ where: { id: asker.actorUserId }, select: recipientSelect }) : null;
  const { slate } = introduction.entry;
  const slug = await db.organisation.findUnique({ where: { id: slate.role.organisationId }, select: { slug: true } });
  await notifyPerson(employer, accept ? "introduction_accepted" : "introduction_declined", `/org/${slug?.slug ?? ""}/slates/${slate.id}`, (t, locale, name) =>
    introductionAnsweredEmail(t, locale, { name, reference: introduction.entry.reference, role: slate.role.title, accepted: accept, url: `${env().APP_URL}/org/${slug?.slug ?? ""}/slates/${slate.id}` }),
  );
  return { status: "ok" };
}

/** "Still looking": keeps the person on employers' slates for another 90 days. */
export async function confirmInterest(userId: string, now = new Date()): Promise<boolean> {
  // A confirmation clears the last reminder, so the next one goes out when this one lapses.
  const { count } = await db.candidateProfile.updateMany({ where: { userId }, data: { interestConfirmedAt: now, interestReminderSentAt: null } });
  if (count === 1) await audit({ action: "candidate.interest_confirmed", outcome: "success", actorUserId: userId });
  return count === 1;
}

/** The same from the emailed link (no sign-in needed; the token is single use). */
export async function confirmInterestByToken(token: string): Promise<boolean> {
  const userId = await consumeToken(token, "confirm_interest");
  return userId ? confirmInterest(userId) : false;
}

/** When the person's "still looking" lapses, and whether to ask them again now. */
export function interestStatus(confirmedAt: Date | null, now = new Date()): { expiresAt: Date | null; lapsed: boolean; dueSoon: boolean } {
  if (!confirmedAt) return { expiresAt: null, lapsed: true, dueSoon: true };
  const expiresAt = new Date(confirmedAt.getTime() + INTEREST_VALID_DAYS * DAY_MS);
  return { expiresAt, lapsed: expiresAt <= now, dueSoon: expiresAt.getTime() - now.getTime() <= INTEREST_REMINDER_DAYS * DAY_MS };
}

/**
 * Emails everyone whose "still looking" lapses within a week (or has lapsed) and who was not yet
 * asked since they last confirmed (confirming clears `interestReminderSentAt`). Claimed row by row
 * with a conditional update, so two runs (or two instances) never send the same reminder twice.
 * Placed people are not asked.
 */
export async function sendInterestReminders(now = new Date()): Promise<number> {
  const dueBefore = new Date(now.getTime() - (INTEREST_VALID_DAYS - INTEREST_REMINDER_DAYS) * DAY_MS);
  const due = await db.candidateProfile.findMany({
    where: { stage: { not: "placed" }, interestConfirmedAt: { lte: dueBefore }, interestReminderSentAt: null },
    select: { id: true, interestConfirmedAt: true, userId: true },
    take: 500,
  });
  const users = new Map((await db.user.findMany({ where: { id: { in: due.map((p) => p.userId) } }, select: { ...recipientSelect, status: true } })).map((u) => [u.id, u]));
  let sent = 0;
  for (const profile of due) {
    const { count } = await db.candidateProfile.updateMany({ where: { id: profile.id, interestReminderSentAt: null }, data: { interestReminderSentAt: now } });
    if (count === 0) continue;
    const user = users.get(profile.userId);
    if (!user?.email || user.status !== "active") continue;
    const link = await issueToken(user.id, "confirm_interest");
    const { expiresAt } = interestStatus(profile.interestConfirmedAt, now);
    const days = Math.max(0, Math.ceil(((expiresAt?.getTime() ?? now.getTime()) - now.getTime()) / DAY_MS));
    await notifyPerson(user, "interest_reminder", "/introductions", (t, locale, name) => interestReminderEmail(t, locale, { name, url: link.url, days }));
    sent++;
  }
  return sent;
}

/**
 * A slate flattened for the employer's own systems, every explanation written out in `language`.
 * Built from viewSlate, so an export can never contain more than the page shows.
 */
export async function slateExportRows(organisationId: string, slateId: string, language: string): Promise<Array<Record<(typeof SLATE_CSV_COLUMNS)[number], string | number>> | null> {
  const slate = await viewSlate(organisationId, slateId, language);
  if (!slate) return null;
  const t = await i18next.getFixedT(language);
  const names = new Intl.DisplayNames([language], { type: "language" });
  const write = (reasons: readonly ReaderReason[], group: "matched" | "missing" | "fit") =>
    reasons
      .filter((r) => reasonGroup(r.code) === group)
      .map((r) => {
        const { key, values } = describeSlateReason(r, (code) => names.of(code) ?? code);
        return t(key, values);
      })
      .join("; ");
  return slate.entries.map((entry) => ({
    rank: entry.rank,
    reference: entry.reference,
    score: entry.score,
    status: entry.status,
    matched_skills: write(entry.reasons, "matched"),
    missing_skills: write(entry.reasons, "missing"),
    fit: write(entry.reasons, "fit"),
    badges: entry.badges.join("; "),
    experience: entry.experience.map((line) => (line.months === null ? line.title : `${line.title} (${t("slates:slate.months", { count: line.months })})`)).join("; "),
    name: entry.introduced?.name ?? "",
    email: entry.introduced?.email ?? "",
  }));
}

export const SLATE_CSV_COLUMNS = ["rank", "reference", "score", "status", "matched_skills", "missing_skills", "fit", "badges", "experience", "name", "email"] as const;

/** The person's "still looking" state for their pages. */
export async function candidateInterest(userId: string, now = new Date()) {
  const profile = await db.candidateProfile.findUnique({ where: { userId }, select: { interestConfirmedAt: true } });
  return profile ? interestStatus(profile.interestConfirmedAt, now) : null;
}
