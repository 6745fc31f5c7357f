// Coach matching around the pure engine (domain/matching): who waits, which coaches have room,
// runs an admin reviews and publishes, offers coaches answer before a deadline, and sessions.
import type { Actor } from "~/domain/auth/permissions";
import {
  ACTIVE_MATCH_STATUSES,
  EXCLUDING_MATCH_STATUSES,
  formatTag,
  offerAnswerable,
  parseFormats,
  respondBy,
  utcOffsetMinutes,
  type CoachingFormat,
  type ReasonMessage,
  type StoredUnassignedReason,
} from "~/domain/coaching/coaching";
import { CONSENT_COLUMNS_SELECT, mayAccessProfile, subjectOf } from "~/domain/consent/consent";
import { matchCoaches } from "~/domain/matching/assign";
import { scoreCoachMatch } from "~/domain/matching/score";
import type { MatchCandidate, MatchCoach, MatchOptionsInput, MatchReason, RejectionReason, TaxonomyNode } from "~/domain/matching/types";
import { parseStringList } from "~/domain/profile/entries";
import { isCefrLevel, languageName } from "~/domain/profile/languages";
import { coachOfferEmail, coachingConfirmedEmail, coachingProposedEmail } from "~/emails/coaching";
import { notifyPerson, recipientSelect } from "~/services/email.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { notesSealer } from "~/utils/sealed-text.server";
import { audit } from "./audit.server";
import { advanceStage } from "./pipeline.server";
import { ancestorsOf, labelsFor } from "./taxonomy.server";

/** Bumped when the engine's rules, weights or tolerance change, so a stored run says what produced it. */
export const ENGINE_VERSION = "coach-match/2";

const NGO_STAFF_ROLES = ["ngo_staff", "ngo_admin"];

function matchOptions(): MatchOptionsInput {
  return { forbidOwnNgo: !env().COACHING_ALLOW_OWN_NGO };
}

/** Offers past their deadline become "expired": the candidate waits again, without that coach. */
export async function expireOverdueOffers(now = new Date()): Promise<number> {
  const { count } = await db.coachMatch.updateMany({ where: { status: "offered", respondBy: { lte: now } }, data: { status: "expired" } });
  return count;
}

async function taxonomyNodes(uris: readonly string[]): Promise<Map<string, TaxonomyNode>> {
  const chains = await ancestorsOf(uris);
  return new Map([...chains].map(([uri, up]) => [uri, { uri, ancestors: up.map((a) => a.uri) }]));
}

/** Coaches as the engine sees them: open capacity net of current offers and coachees. */
async function loadCoaches(now: Date, draft?: { runId: string; exceptMatchId: string }): Promise<MatchCoach[]> {
  const coaches = await db.user.findMany({
    where: { status: "active", memberships: { some: { role: "coach" } }, coachProfile: { isNot: null } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      memberships: { where: { role: { in: NGO_STAFF_ROLES } }, select: { organisationId: true } },
      coachProfile: { select: { capacity: true, timeZone: true, hoursStart: true, hoursEnd: true, formats: true, paused: true, languages: true, expertise: true } },
      coachMatches: { where: { status: { in: [...ACTIVE_MATCH_STATUSES] } }, select: { id: true } },
    },
  });
  // A draft's own proposals use capacity too, when checking an admin's adjustment against it.
  const drafted = draft
    ? await db.coachMatch.groupBy({ by: ["coachUserId"], where: { runId: draft.runId, status: "proposed", id: { not: draft.exceptMatchId } }, _count: { _all: true } })
    : [];
  const draftedBy = new Map(drafted.map((row) => [row.coachUserId, row._count._all]));
  const nodes = await taxonomyNodes(coaches.flatMap((c) => c.coachProfile?.expertise.map((e) => e.conceptUri) ?? []));
  return coaches.flatMap((coach) => {
    const profile = coach.coachProfile;
    if (!profile) return [];
    return [
      {
        id: coach.id,
        languages: profile.languages.flatMap((l) => (isCefrLevel(l.level) ? [{ code: l.code, level: l.level }] : [])),
        expertise: profile.expertise.map((e) => nodes.get(e.conceptUri) ?? { uri: e.conceptUri, ancestors: [] }),
        capacity: Math.max(0, profile.capacity - coach.coachMatches.length - (draftedBy.get(coach.id) ?? 0)),
        utcOffsetMinutes: utcOffsetMinutes(profile.timeZone, now),
        workingHours: { startHour: profile.hoursStart, endHour: profile.hoursEnd },
        paused: profile.paused,
        tags: parseFormats(profile.formats).map(formatTag),
        caseworkerOrganisationIds: coach.memberships.map((m) => m.organisationId),
      },
    ];
  });
}

/**
 * Everyone waiting for a coach: asked for one (or their NGO did), account active, no offer or
 * coach in progress. Candidates who since withdrew consent are still listed, so the review shows
 * why they get nobody; the engine never pairs them.
 */
async function loadWaitingCandidates(now: Date, onlyProfileIds?: string[]): Promise<MatchCandidate[]> {
  const profiles = await db.candidateProfile.findMany({
    where: {
      coachingRequestedAt: { not: null },
      ...(onlyProfileIds ? { id: { in: onlyProfileIds } } : { coachMatches: { none: { status: { in: [...ACTIVE_MATCH_STATUSES] } } } }),
    },
    orderBy: { coachingRequestedAt: "asc" },
    select: {
      id: true,
      userId: true,
      referringOrganisationId: true,
      timeZone: true,
      coachingHoursStart: true,
      coachingHoursEnd: true,
      coachingFormats: true,
      consentCoaches: true,
      languages: { select: { code: true, level: true } },
      skills: { select: { conceptUri: true } },
      coachMatches: { where: { status: { in: [...EXCLUDING_MATCH_STATUSES] } }, select: { coachUserId: true } },
    },
  });
  const active = new Set(
    (await db.user.findMany({ where: { id: { in: profiles.map((p) => p.userId) }, status: "active" }, select: { id: true } })).map((u) => u.id),
  );
  const nodes = await taxonomyNodes(profiles.flatMap((p) => p.skills.map((s) => s.conceptUri)));
  return profiles
    .filter((p) => active.has(p.userId))
    .map((profile) => ({
      id: profile.id,
      languages: profile.languages.flatMap((l) => (isCefrLevel(l.level) ? [{ code: l.code, level: l.level }] : [])),
      targetSkills: profile.skills.map((s) => nodes.get(s.conceptUri) ?? { uri: s.conceptUri, ancestors: [] }),
      utcOffsetMinutes: utcOffsetMinutes(profile.timeZone ?? "UTC", now),
      workingHours: { startHour: profile.coachingHoursStart, endHour: profile.coachingHoursEnd },
      consentsToCoaching: profile.consentCoaches,
      excludedCoachIds: profile.coachMatches.flatMap((m) => (m.coachUserId ? [m.coachUserId] : [])),
      preferenceTags: parseFormats(profile.coachingFormats).map(formatTag),
      referringOrganisationId: profile.referringOrganisationId,
    }));
}

/**
 * Runs the engine over the whole waiting pool and stores the result as a draft for review. An
 * earlier unpublished draft is discarded: it was computed from a pool that has since changed.
 */
export async function runMatching(actorUserId: string, now = new Date()): Promise<string> {
  await expireOverdueOffers(now);
  const [candidates, coaches] = await Promise.all([loadWaitingCandidates(now), loadCoaches(now)]);
  const started = performance.now();
  const result = matchCoaches(candidates, coaches, matchOptions());
  const durationMs = Math.round(performance.now() - started);
  const runId = await db.$transaction(async (tx) => {
    const drafts = await tx.matchRun.findMany({ where: { status: "draft" }, select: { id: true } });
    await tx.coachMatch.deleteMany({ where: { runId: { in: drafts.map((d) => d.id) } } });
    await tx.matchRun.updateMany({ where: { id: { in: drafts.map((d) => d.id) } }, data: { status: "discarded" } });
    const run = await tx.matchRun.create({
      data: {
        createdById: actorUserId,
        engineVersion: ENGINE_VERSION,
        candidates: candidates.length,
        coaches: coaches.length,
        durationMs,
        greedyAssigned: result.greedy.assigned,
        greedyScore: result.greedy.totalScore,
        scoreBound: result.scoreBound,
      },
      select: { id: true },
    });
    await tx.coachMatch.createMany({
      data: [
        ...result.assignments.map((a) => ({ runId: run.id, candidateProfileId: a.candidateId, coachUserId: a.coachId, score: a.score, reasons: JSON.stringify(a.reasons), status: "proposed" })),
        ...result.unassigned.map((u) => ({ runId: run.id, candidateProfileId: u.candidateId, reasons: JSON.stringify(u.reason), status: "unassigned" })),
      ],
    });
    return run.id;
  });
  await audit({ action: "coaching.run", outcome: "success", actorUserId, targetType: "match_run", targetId: runId, detail: { candidates: candidates.length, coaches: coaches.length, assigned: result.totals.assigned } });
  return runId;
}

export async function listRuns(take = 20) {
  return db.matchRun.findMany({
    where: { status: { not: "discarded" } },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, status: true, createdAt: true, publishedAt: true, candidates: true, coaches: true, greedyAssigned: true, greedyScore: true },
  });
}

export type RunLine = {
  id: string;
  status: string;
  candidate: { nativeName: string; latinName: string };
  coach: { id: string; name: string } | null;
  score: number;
  adjusted: boolean;
  reasons: MatchReason[];
  unassigned: StoredUnassignedReason | null;
  respondBy: Date | null;
};

/** A run with every line, totals and the greedy baseline, for the admin's review. */
export async function viewRun(runId: string) {
  const run = await db.matchRun.findUnique({
    where: { id: runId },
    select: {
      id: true,
      status: true,
      createdAt: true,
      publishedAt: true,
      engineVersion: true,
      candidates: true,
      coaches: true,
      durationMs: true,
      greedyAssigned: true,
      greedyScore: true,
      scoreBound: true,
      matches: {
        orderBy: [{ score: "desc" }, { createdAt: "asc" }],
        select: {
          id: true,
          status: true,
          score: true,
          adjusted: true,
          reasons: true,
          respondBy: true,
          candidate: { select: { nativeName: true, latinName: true } },
          coach: { select: { id: true, displayName: true } },
        },
      },
    },
  });
  if (!run || run.status === "discarded") return null;
  const lines: RunLine[] = run.matches.map((m) => ({
    id: m.id,
    status: m.status,
    candidate: m.candidate,
    coach: m.coach && { id: m.coach.id, name: m.coach.displayName },
    score: m.score,
    adjusted: m.adjusted,
    reasons: m.coach ? parseJson<MatchReason[]>(m.reasons, []) : [],
    unassigned: m.coach ? null : parseJson<StoredUnassignedReason | null>(m.reasons, null),
    respondBy: m.respondBy,
  }));
  const assigned = lines.filter((l) => l.coach);
  const { matches: _matches, ...summary } = run;
  return {
    ...summary,
    lines,
    totals: { assigned: assigned.length, unassigned: lines.length - assigned.length, totalScore: assigned.reduce((sum, l) => sum + l.score, 0) },
  };
}

/** Coaches an admin may pick from when adjusting a draft (the engine checks the pair on save). */
export async function coachChoices() {
  return db.user.findMany({
    where: { status: "active", memberships: { some: { role: "coach" } }, coachProfile: { isNot: null } },
    orderBy: { displayName: "asc" },
    select: { id: true, displayName: true },
  });
}

export type AdjustResult = { status: "ok" } | { status: "not_found" } | { status: "not_draft" } | { status: "ineligible"; reasons: RejectionReason[] };

/**
 * An admin replaces a draft line's coach (or removes it). The new pair must pass the same hard
 * rules as the engine's, with the coach's room counted against this draft's other proposals.
 */
export async function adjustMatch(actorUserId: string, runId: string, matchId: string, coachUserId: string | null): Promise<AdjustResult> {
  const match = await db.coachMatch.findFirst({ where: { id: matchId, runId }, select: { candidateProfileId: true, run: { select: { status: true } } } });
  if (!match) return { status: "not_found" };
  if (match.run.status !== "draft") return { status: "not_draft" };
  if (coachUserId === null) {
    await db.coachMatch.update({ where: { id: matchId }, data: { coachUserId: null, status: "unassigned", score: 0, adjusted: true, reasons: JSON.stringify({ code: "removed_by_admin" }) } });
  } else {
    const now = new Date();
    const [candidates, coaches] = await Promise.all([
      loadWaitingCandidates(now, [match.candidateProfileId]),
      loadCoaches(now, { runId, exceptMatchId: matchId }),
    ]);
    const candidate = candidates[0];
    const coach = coaches.find((c) => c.id === coachUserId);
    if (!candidate || !coach) return { status: "not_found" };
    const evaluation = scoreCoachMatch(candidate, coach, matchOptions());
    if (!evaluation.eligible) return { status: "ineligible", reasons: evaluation.reasons };
    await db.coachMatch.update({
      where: { id: matchId },
      data: { coachUserId, status: "proposed", score: evaluation.score, reasons: JSON.stringify(evaluation.reasons), adjusted: true },
    });
  }
  await audit({ action: "coaching.adjust", outcome: "success", actorUserId, targetType: "coach_match", targetId: matchId });
  return { status: "ok" };
}

export type PublishResult = { status: "ok"; offers: number } | { status: "not_found" } | { status: "not_draft" } | { status: "stale" };

/**
 * Publishes a draft: every proposal becomes an offer the coach answers by the deadline; coach
 * and candidate hear about it in their languages. A draft that is not the latest is refused
 * (someone ran matching again since).
 */
export async function publishRun(actorUserId: string, runId: string, now = new Date()): Promise<PublishResult> {
  const run = await db.matchRun.findUnique({ where: { id: runId }, select: { status: true } });
  if (!run) return { status: "not_found" };
  if (run.status !== "draft") return { status: run.status === "discarded" ? "stale" : "not_draft" };
  const deadline = respondBy(now, env().COACH_RESPONSE_DAYS);
  const published = await db.$transaction(async (tx) => {
    const claimed = await tx.matchRun.updateMany({ where: { id: runId, status: "draft" }, data: { status: "published", publishedAt: now } });
    if (claimed.count === 0) return false;
    await tx.coachMatch.updateMany({ where: { runId, status: "proposed" }, data: { status: "offered", respondBy: deadline } });
    return true;
  });
  if (!published) return { status: "not_draft" };
  const offers = await db.coachMatch.findMany({
    where: { runId, status: "offered" },
    select: {
      id: true,
      coach: { select: { ...recipientSelect, coachProfile: { select: { timeZone: true } } } },
      candidate: { select: { userId: true, latinName: true, consentEmail: true } },
    },
  });
  const candidates = await db.user.findMany({ where: { id: { in: offers.map((o) => o.candidate.userId) } }, select: recipientSelect });
  const { APP_URL } = env();
  for (const { coach, candidate } of offers) {
    await notifyPerson(coach, "coach_offer", "/coach", (t, locale, name) =>
      coachOfferEmail(t, locale, { name, candidate: candidate.latinName, deadline, timeZone: coach?.coachProfile?.timeZone ?? "UTC", url: `${APP_URL}/coach` }),
    );
    await notifyPerson(candidates.find((u) => u.id === candidate.userId), "coaching_proposed", "/coaching", (t, locale, name) => coachingProposedEmail(t, locale, { name, url: `${APP_URL}/coaching` }), {
      email: candidate.consentEmail,
    });
  }
  await audit({ action: "coaching.publish", outcome: "success", actorUserId, targetType: "match_run", targetId: runId, detail: { offers: offers.length } });
  return { status: "ok", offers: offers.length };
}

export type AnswerResult = { status: "ok" } | { status: "not_found" } | { status: "not_offered" } | { status: "expired" };

/** The coach accepts or declines an offer. Declining (or silence) returns the candidate to the pool. */
export async function answerOffer(coachUserId: string, matchId: string, answer: "accept" | "decline", now = new Date()): Promise<AnswerResult> {
  const match = await db.coachMatch.findFirst({
    where: { id: matchId, coachUserId },
    select: { status: true, respondBy: true, candidateProfileId: true, coach: { select: { displayName: true } } },
  });
  if (!match) return { status: "not_found" };
  const answerable = offerAnswerable(match, now);
  if (answerable === "expired") {
    await expireOverdueOffers(now);
    return { status: "expired" };
  }
  if (answerable !== "ok") return { status: answerable };
  const accepted = answer === "accept";
  const changed = await db.$transaction(async (tx) => {
    // Only an offer still open moves: two clicks (or two tabs) cannot answer twice.
    const { count } = await tx.coachMatch.updateMany({ where: { id: matchId, status: "offered" }, data: { status: accepted ? "accepted" : "declined", respondedAt: now } });
    if (count === 0 || !accepted) return count > 0;
    await advanceStage(tx, match.candidateProfileId, "coached", now);
    return true;
  });
  if (!changed) return { status: "not_offered" };
  await audit({ action: accepted ? "coaching.accept" : "coaching.decline", outcome: "success", actorUserId: coachUserId, targetType: "coach_match", targetId: matchId });
  if (accepted) {
    const profile = await db.candidateProfile.findUniqueOrThrow({ where: { id: match.candidateProfileId }, select: { userId: true, consentEmail: true } });
    const person = await db.user.findUnique({ where: { id: profile.userId }, select: recipientSelect });
    await notifyPerson(person, "coaching_confirmed", "/coaching", (t, locale, name) => coachingConfirmedEmail(t, locale, { name, coach: match.coach?.displayName ?? "", url: `${env().APP_URL}/coaching` }), {
      email: profile.consentEmail,
    });
  }
  return { status: "ok" };
}

/** The coach's offers waiting for an answer and the people they coach. */
export async function coachDashboard(coachUserId: string, now = new Date()) {
  await expireOverdueOffers(now);
  const matches = await db.coachMatch.findMany({
    where: { coachUserId, status: { in: [...ACTIVE_MATCH_STATUSES] } },
    orderBy: { createdAt: "asc" },
    select: { id: true, status: true, score: true, reasons: true, respondBy: true, candidate: { select: { latinName: true, nativeName: true, consentCoaches: true } }, _count: { select: { sessions: true } } },
  });
  return matches.map((m) => ({
    id: m.id,
    status: m.status,
    respondBy: m.respondBy,
    score: m.score,
    reasons: parseJson<MatchReason[]>(m.reasons, []),
    // Without consent to share with coaches the coach keeps only the name they were given.
    candidate: { latinName: m.candidate.latinName, nativeName: m.candidate.nativeName, shared: m.candidate.consentCoaches },
    sessions: m._count.sessions,
  }));
}

/**
 * One match as its coach or a program admin sees it: the candidate's profile (when they consent to
 * sharing with coaches, through the one consent rule) and the sessions with their notes. Anyone
 * else, or a coach looking at another coach's match, gets null.
 */
export async function viewMatchForStaff(viewer: Actor, matchId: string) {
  const isAdmin = viewer.memberships.some((m) => m.role === "admin");
  const match = await db.coachMatch.findUnique({
    where: { id: matchId },
    select: {
      id: true,
      status: true,
      score: true,
      reasons: true,
      respondBy: true,
      coachUserId: true,
      coach: { select: { displayName: true } },
      candidate: {
        select: {
          userId: true,
          referringOrganisationId: true,
          nativeName: true,
          latinName: true,
          timeZone: true,
          desiredRoles: true,
          coachingFormats: true,
          ...CONSENT_COLUMNS_SELECT,
          languages: { select: { code: true, level: true } },
          skills: { select: { conceptUri: true, level: true } },
        },
      },
      sessions: { orderBy: { heldOn: "desc" }, select: { id: true, heldOn: true, notes: true, actionItems: true, createdAt: true } },
    },
  });
  if (!match || !match.coachUserId || (!isAdmin && match.coachUserId !== viewer.userId)) return null;
  if (!isAdmin && !ACTIVE_MATCH_STATUSES.includes(match.status as (typeof ACTIVE_MATCH_STATUSES)[number])) return null;
  const { candidate } = match;
  const access = mayAccessProfile(viewer, subjectOf(candidate), isAdmin ? "program" : "coaching");
  await audit({ action: "profile.view", outcome: access.allowed ? "success" : "denied", actorUserId: viewer.userId, targetType: "user", targetId: candidate.userId, detail: { purpose: isAdmin ? "program" : "coaching", matchId } });
  return {
    id: match.id,
    status: match.status,
    respondBy: match.respondBy,
    score: match.score,
    reasons: parseJson<MatchReason[]>(match.reasons, []),
    coachName: match.coach?.displayName ?? "",
    isOwnCoach: match.coachUserId === viewer.userId,
    candidate: {
      latinName: candidate.latinName,
      nativeName: candidate.nativeName,
      profile: access.allowed
        ? {
            timeZone: candidate.timeZone,
            desiredRoles: parseStringList(candidate.desiredRoles),
            formats: parseFormats(candidate.coachingFormats),
            languages: candidate.languages,
            skills: candidate.skills,
          }
        : null,
    },
    sessions: match.sessions.map((s) => ({
      id: s.id,
      heldOn: s.heldOn,
      notes: notesSealer().open(s.notes, s.id),
      actionItems: parseStringList(s.actionItems),
    })),
  };
}

export type LogSessionResult = { status: "ok" } | { status: "not_found" } | { status: "not_accepted" };

/** The coach records a session: notes sealed at rest, action items for the candidate. */
export async function logSession(coachUserId: string, matchId: string, input: { heldOn: string; notes: string; actionItems: string[] }): Promise<LogSessionResult> {
  const match = await db.coachMatch.findFirst({ where: { id: matchId, coachUserId }, select: { status: true } });
  if (!match) return { status: "not_found" };
  if (match.status !== "accepted") return { status: "not_accepted" };
  await db.$transaction(async (tx) => {
    const session = await tx.coachingSession.create({ data: { matchId, heldOn: input.heldOn, notes: "", actionItems: JSON.stringify(input.actionItems) }, select: { id: true } });
    // The row id is the sealed note's associated data, so it is known only after the insert.
    await tx.coachingSession.update({ where: { id: session.id }, data: { notes: notesSealer().seal(input.notes, session.id) } });
  });
  await audit({ action: "coaching.session", outcome: "success", actorUserId: coachUserId, targetType: "coach_match", targetId: matchId });
  return { status: "ok" };
}

/** The candidate's side: whether they asked, the offer or coach in progress, and their action items. */
export async function candidateCoaching(userId: string) {
  const profile = await db.candidateProfile.findUnique({
    where: { userId },
    select: {
      id: true,
      timeZone: true,
      consentCoaches: true,
      coachingRequestedAt: true,
      coachingHoursStart: true,
      coachingHoursEnd: true,
      coachingFormats: true,
      coachMatches: {
        where: { status: { in: [...ACTIVE_MATCH_STATUSES] } },
        orderBy: { createdAt: "desc" },
        take: 1,
        // Session notes are the coach's: never selected here.
        select: { status: true, coach: { select: { displayName: true } }, sessions: { orderBy: { heldOn: "desc" }, select: { heldOn: true, actionItems: true } } },
      },
    },
  });
  if (!profile) return null;
  const match = profile.coachMatches[0];
  return {
    consentCoaches: profile.consentCoaches,
    requested: profile.coachingRequestedAt !== null,
    timeZone: profile.timeZone,
    hoursStart: profile.coachingHoursStart,
    hoursEnd: profile.coachingHoursEnd,
    formats: parseFormats(profile.coachingFormats),
    match: match
      ? {
          status: match.status,
          // The coach's name once they have said yes; before that, only that someone is proposed.
          coachName: match.status === "accepted" ? (match.coach?.displayName ?? null) : null,
          actionItems: match.sessions.map((s) => ({ heldOn: s.heldOn, items: parseStringList(s.actionItems) })),
        }
      : null,
  };
}

/** The candidate asks for a coach (or updates when and how they can meet). */
export async function requestCoaching(userId: string, input: { hoursStart: number; hoursEnd: number; formats: CoachingFormat[] }): Promise<void> {
  const profile = await db.candidateProfile.findUniqueOrThrow({ where: { userId }, select: { coachingRequestedAt: true } });
  await db.candidateProfile.update({
    where: { userId },
    data: { coachingRequestedAt: profile.coachingRequestedAt ?? new Date(), coachingHoursStart: input.hoursStart, coachingHoursEnd: input.hoursEnd, coachingFormats: JSON.stringify(input.formats) },
  });
}

/**
 * The referring NGO asks for a coach for someone it referred, when that person lets the NGO see
 * their profile (the same rule as the referral page). The person can change or cancel it.
 */
export async function requestCoachingForReferral(viewer: Actor, organisationId: string, referralId: string): Promise<"ok" | "not_found"> {
  const referral = await db.referral.findFirst({ where: { id: referralId, organisationId }, select: { candidateUserId: true } });
  const profile = referral?.candidateUserId
    ? await db.candidateProfile.findUnique({
        where: { userId: referral.candidateUserId },
        select: { userId: true, referringOrganisationId: true, coachingRequestedAt: true, ...CONSENT_COLUMNS_SELECT },
      })
    : null;
  if (!profile) return "not_found";
  const access = mayAccessProfile(viewer, subjectOf(profile), "referring_ngo");
  if (!access.allowed) return "not_found";
  if (!profile.coachingRequestedAt) await db.candidateProfile.update({ where: { userId: profile.userId }, data: { coachingRequestedAt: new Date() } });
  await audit({ action: "coaching.request", outcome: "success", actorUserId: viewer.userId, organisationId, targetType: "user", targetId: profile.userId });
  return "ok";
}

/**
 * The candidate no longer wants a coach: out of the pool, and a proposal or open offer is
 * withdrawn (deleted, so it neither waits for the coach nor counts against them later). Coaching
 * already under way is ended by the coach and the program, not from here.
 */
export async function cancelCoachingRequest(userId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const profile = await tx.candidateProfile.update({ where: { userId }, data: { coachingRequestedAt: null }, select: { id: true } });
    await tx.coachMatch.deleteMany({ where: { candidateProfileId: profile.id, status: { in: ["offered", "proposed"] } } });
  });
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/**
 * Reason messages ready for t(): language codes become names and taxonomy URIs labels, both in
 * the reader's language (one label lookup for the whole page).
 */
export async function presentMessages(groups: ReasonMessage[][], locale: string): Promise<Array<Array<{ key: string; values: Record<string, string | number>; nested?: string }>>> {
  const uris = groups.flatMap((group) => group.flatMap((m) => [m.concepts?.skill, m.concepts?.via].filter((u): u is string => !!u)));
  const labels = await labelsFor(uris, locale);
  const label = (uri: string) => labels.get(uri)?.label ?? uri;
  return groups.map((group) =>
    group.map(({ key, values, concepts, nested }) => ({
      key,
      ...(nested ? { nested } : {}),
      values: {
        ...values,
        ...(typeof values.language === "string" ? { language: languageName(values.language, locale) } : {}),
        ...(concepts?.skill ? { skill: label(concepts.skill) } : {}),
        ...(concepts?.via ? { via: label(concepts.via) } : {}),
      },
    })),
  );
}
