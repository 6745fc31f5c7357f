// Certification: badge definitions, assessment requests with evidence, the assessor's verdict,
// and awards issued as signed Open Badges 3.0 credentials with public verification and revocation.
import crypto from "node:crypto";
import type { Actor } from "~/domain/auth/permissions";
import {
  awardState,
  badgeTexts,
  gradeQuiz,
  passBlockers,
  quizQuestions,
  requestBlocker,
  routeAssessment,
  rubricItems,
  type PassBlocker,
  type RequestBlocker,
} from "~/domain/badges/assessment";
import { buildOpenBadgeCredential } from "~/domain/badges/credential";
import { STATUS_LIST_BITS, buildStatusListCredential, emptyStatusList, encodeStatusList, setStatus } from "~/domain/badges/status-list";
import { assessmentDecidedEmail, assessmentRequestedEmail, badgeRecommendedEmail } from "~/emails/badges";
import { notifyPerson, recipientSelect } from "~/services/email.server";
import { deleteFile, saveFile } from "~/services/file-storage.server";
import { badgeKeys } from "~/utils/badge-keys.server";
import { parseStringList } from "~/domain/profile/entries";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { audit } from "./audit.server";
import { advanceStage } from "./pipeline.server";
import { touchCandidate } from "./slate-pool.server";
import { ancestorsOf, labelsFor } from "./taxonomy.server";

export const ISSUER_NAME = "Harbor Program";

/** The stable public addresses a credential links to (contracts/README.md, "Badges"). */
export function badgeUrls() {
  const base = env().APP_URL;
  return {
    issuer: `${base}/badges/issuer`,
    statusList: `${base}/badges/status/revocation`,
    award: (id: string) => `${base}/badges/${id}`,
    credential: (id: string) => `${base}/badges/${id}/credential`,
    achievement: (slug: string) => `${base}/certification/${slug}`,
    image: (slug: string, language: string) => `${base}/badge-images/${slug}.svg?lng=${language}`,
  };
}

/** Every active badge with its texts in the reader's language and its skills' labels. */
export async function listBadges(language: string) {
  const badges = await db.badgeDefinition.findMany({ where: { active: true }, orderBy: { slug: "asc" }, include: { skills: { select: { conceptUri: true } } } });
  const labels = await labelsFor(badges.flatMap((b) => b.skills.map((s) => s.conceptUri)), language);
  return badges.map((badge) => ({
    id: badge.id,
    slug: badge.slug,
    level: badge.level,
    ...badgeTexts(badge.texts, language),
    skills: badge.skills.map((s) => ({ uri: s.conceptUri, label: labels.get(s.conceptUri)?.label ?? s.conceptUri })),
    quiz: quizQuestions(badge.quiz, language),
    quizPassMark: badge.quizPassMark,
    rubric: rubricItems(badge.rubric, language),
  }));
}

export async function findBadge(slug: string, language: string) {
  return (await listBadges(language)).find((badge) => badge.slug === slug) ?? null;
}

/** A candidate's requests and awards, newest first. */
export async function candidateCertification(userId: string, language: string) {
  const profile = await db.candidateProfile.findUnique({ where: { userId }, select: { id: true } });
  if (!profile) return null;
  const [requests, awards] = await Promise.all([
    db.assessmentRequest.findMany({
      where: { candidateProfileId: profile.id },
      orderBy: { createdAt: "desc" },
      select: { id: true, status: true, feedback: true, createdAt: true, decidedAt: true, badge: { select: { slug: true, texts: true } } },
    }),
    db.badgeAward.findMany({
      where: { candidateProfileId: profile.id },
      orderBy: { issuedAt: "desc" },
      select: { id: true, issuedAt: true, revokedAt: true, revocationReason: true, validUntil: true, badge: { select: { slug: true, texts: true } } },
    }),
  ]);
  const now = new Date();
  return {
    requests: requests.map((r) => ({ id: r.id, status: r.status, feedback: r.feedback, createdAt: r.createdAt, slug: r.badge.slug, name: badgeTexts(r.badge.texts, language).name })),
    awards: awards.map((a) => ({ id: a.id, issuedAt: a.issuedAt, slug: a.badge.slug, name: badgeTexts(a.badge.texts, language).name, state: awardState(a, now).state })),
  };
}

export type EvidenceFile = { fileName: string; contentType: string; bytes: Uint8Array };

export type SubmitResult = { status: "ok"; requestId: string } | { status: "unknown_badge" } | { status: RequestBlocker } | { status: "quiz_incomplete" };

/**
 * The candidate asks to be certified: statement, links, files, and the check's answers if the
 * badge has one. A coach's open recommendation for the same badge is completed rather than
 * duplicated. The request goes to an assessor who shares a language and, if possible, the area.
 */
export async function submitAssessment(
  userId: string,
  slug: string,
  input: { statement: string; links: string[]; files: EvidenceFile[]; answers: Record<string, number | undefined>; includeEmailHash: boolean },
): Promise<SubmitResult> {
  const [profile, badge] = await Promise.all([
    db.candidateProfile.findUnique({ where: { userId }, select: { id: true, languages: { select: { code: true } } } }),
    db.badgeDefinition.findFirst({ where: { slug, active: true }, include: { skills: { select: { conceptUri: true } } } }),
  ]);
  if (!profile || !badge) return { status: "unknown_badge" };
  const earlier = await db.assessmentRequest.findMany({ where: { badgeId: badge.id, candidateProfileId: profile.id }, select: { id: true, status: true } });
  const blocker = requestBlocker(earlier);
  if (blocker) return { status: blocker };
  const quiz = gradeQuiz(badge.quiz, input.answers);
  if (quiz.total > 0 && Object.values(input.answers).filter((a) => a !== undefined).length < quiz.total) return { status: "quiz_incomplete" };

  const chains = await ancestorsOf(badge.skills.map((s) => s.conceptUri));
  const assessors = await assessorPool();
  const assessorUserId = routeAssessment(
    { candidateLanguages: profile.languages.map((l) => l.code), badgeSkills: badge.skills.map((s) => ({ uri: s.conceptUri, ancestors: (chains.get(s.conceptUri) ?? []).map((a) => a.uri) })) },
    assessors,
  );
  const stored = [];
  try {
    for (const file of input.files) stored.push(await saveFile({ ownerUserId: userId, purpose: "evidence", fileName: file.fileName, contentType: file.contentType, bytes: file.bytes }));
  } catch (error) {
    await cleanUp(stored);
    throw error;
  }
  const data = {
    statement: input.statement,
    links: JSON.stringify(input.links),
    evidenceFileIds: JSON.stringify(stored.map((f) => f.id)),
    quizCorrect: quiz.total > 0 ? quiz.correct : null,
    includeEmailHash: input.includeEmailHash,
    status: "submitted",
    assessorUserId,
  };
  const recommended = earlier.find((r) => r.status === "awaiting_evidence");
  let requestId: string;
  try {
    requestId = recommended
      ? (await db.assessmentRequest.update({ where: { id: recommended.id }, data, select: { id: true } })).id
      : (await db.assessmentRequest.create({ data: { ...data, badgeId: badge.id, candidateProfileId: profile.id, requestedByUserId: userId }, select: { id: true } })).id;
  } catch (error) {
    await cleanUp(stored);
    throw error;
  }
  await audit({ action: "assessment.submitted", outcome: "success", actorUserId: userId, targetType: "assessment", targetId: requestId, detail: { badge: slug, files: stored.length, routed: !!assessorUserId } });
  if (assessorUserId) await notifyAssessor(assessorUserId, badge.texts, requestId);
  return { status: "ok", requestId };
}

async function cleanUp(files: ReadonlyArray<{ id: string; storageKey: string }>) {
  await db.storedFile.deleteMany({ where: { id: { in: files.map((f) => f.id) } } });
  for (const file of files) await deleteFile(file.storageKey);
}

async function assessorPool() {
  const users = await db.user.findMany({
    where: { status: "active", memberships: { some: { role: "assessor" } } },
    select: { id: true, locale: true, assessorProfile: { select: { languages: true, areas: true } } },
  });
  const load = await db.assessmentRequest.groupBy({ by: ["assessorUserId"], where: { status: "submitted", assessorUserId: { not: null } }, _count: { _all: true } });
  const loadOf = new Map(load.map((row) => [row.assessorUserId, row._count._all]));
  return users.map((u) => ({
    id: u.id,
    // Without a profile, the language they use Harbor in is the one they surely read.
    languages: u.assessorProfile ? parseStringList(u.assessorProfile.languages) : [u.locale],
    areas: u.assessorProfile ? parseStringList(u.assessorProfile.areas) : [],
    openRequests: loadOf.get(u.id) ?? 0,
  }));
}

async function notifyAssessor(assessorUserId: string, texts: string, requestId: string) {
  const assessor = await db.user.findUnique({ where: { id: assessorUserId }, select: recipientSelect });
  await notifyPerson(assessor, "assessment_requested", `/assess/${requestId}`, (t, locale, name) =>
    assessmentRequestedEmail(t, locale, { name, badge: badgeTexts(texts, locale).name, url: `${env().APP_URL}/assess/${requestId}` }),
  );
}

export type RecommendResult = { status: "ok" } | { status: "not_found" } | { status: RequestBlocker };

/** A coach recommends the person they coach for a badge: an assessment request waiting for their evidence. */
export async function recommendBadge(coachUserId: string, matchId: string, slug: string): Promise<RecommendResult> {
  const [match, badge] = await Promise.all([
    db.coachMatch.findFirst({ where: { id: matchId, coachUserId, status: "accepted" }, select: { candidateProfileId: true, coach: { select: { displayName: true } } } }),
    db.badgeDefinition.findFirst({ where: { slug, active: true }, select: { id: true, texts: true } }),
  ]);
  if (!match || !badge) return { status: "not_found" };
  const earlier = await db.assessmentRequest.findMany({ where: { badgeId: badge.id, candidateProfileId: match.candidateProfileId }, select: { status: true } });
  const blocker = requestBlocker(earlier) ?? (earlier.some((r) => r.status === "awaiting_evidence") ? "already_open" : null);
  if (blocker) return { status: blocker };
  const request = await db.assessmentRequest.create({
    data: { badgeId: badge.id, candidateProfileId: match.candidateProfileId, requestedByUserId: coachUserId, statement: "", status: "awaiting_evidence" },
    select: { id: true, candidate: { select: { userId: true, consentEmail: true } } },
  });
  await touchCandidate(match.candidateProfileId);
  await audit({ action: "assessment.recommended", outcome: "success", actorUserId: coachUserId, targetType: "assessment", targetId: request.id, detail: { badge: slug } });
  const person = await db.user.findUnique({ where: { id: request.candidate.userId }, select: recipientSelect });
  await notifyPerson(
    person,
    "badge_recommended",
    `/certification/${slug}`,
    (t, locale, name) => badgeRecommendedEmail(t, locale, { name, coach: match.coach?.displayName ?? "", badge: badgeTexts(badge.texts, locale).name, url: `${env().APP_URL}/certification/${slug}` }),
    { email: request.candidate.consentEmail },
  );
  return { status: "ok" };
}

/** An assessor's queue: requests routed to them, and those nobody could be routed to. */
export async function assessorQueue(assessorUserId: string, language: string) {
  const requests = await db.assessmentRequest.findMany({
    where: { status: "submitted", OR: [{ assessorUserId }, { assessorUserId: null }] },
    orderBy: { updatedAt: "asc" },
    select: { id: true, assessorUserId: true, updatedAt: true, badge: { select: { texts: true } }, candidate: { select: { latinName: true } } },
  });
  return requests.map((r) => ({ id: r.id, mine: r.assessorUserId === assessorUserId, submittedAt: r.updatedAt, badge: badgeTexts(r.badge.texts, language).name, candidate: r.candidate.latinName }));
}

/** Whether the viewer may review this request: its assessor, any assessor while unrouted, or an admin. */
function mayReview(viewer: Actor, request: { assessorUserId: string | null }): boolean {
  if (viewer.memberships.some((m) => m.role === "admin")) return true;
  if (!viewer.memberships.some((m) => m.role === "assessor")) return false;
  return request.assessorUserId === null || request.assessorUserId === viewer.userId;
}

export async function viewAssessment(viewer: Actor, requestId: string, language: string) {
  const request = await db.assessmentRequest.findUnique({
    where: { id: requestId },
    select: {
      id: true,
      status: true,
      statement: true,
      links: true,
      evidenceFileIds: true,
      quizCorrect: true,
      assessorUserId: true,
      rubricChecked: true,
      feedback: true,
      badge: { select: { slug: true, texts: true, rubric: true, quiz: true, quizPassMark: true } },
      candidate: { select: { userId: true, latinName: true, nativeName: true, languages: { select: { code: true, level: true } } } },
    },
  });
  if (!request || !mayReview(viewer, request)) return null;
  const files = await db.storedFile.findMany({
    where: { id: { in: parseStringList(request.evidenceFileIds) }, ownerUserId: request.candidate.userId, purpose: "evidence" },
    select: { id: true, fileName: true, size: true },
  });
  return {
    id: request.id,
    status: request.status,
    statement: request.statement,
    links: parseStringList(request.links),
    files,
    quiz: { correct: request.quizCorrect, total: quizQuestions(request.badge.quiz, language).length, passMark: request.badge.quizPassMark },
    rubric: rubricItems(request.badge.rubric, language),
    checked: parseStringList(request.rubricChecked),
    feedback: request.feedback,
    badge: { slug: request.badge.slug, ...badgeTexts(request.badge.texts, language) },
    candidate: { latinName: request.candidate.latinName, nativeName: request.candidate.nativeName, languages: request.candidate.languages },
  };
}

/** Whether the viewer may download an evidence file: its owner, or someone who may review its request. */
export async function mayReadEvidence(viewer: Actor, fileId: string): Promise<boolean> {
  const file = await db.storedFile.findUnique({ where: { id: fileId }, select: { ownerUserId: true, purpose: true } });
  if (!file || file.purpose !== "evidence") return false;
  if (file.ownerUserId === viewer.userId) return true;
  const requests = await db.assessmentRequest.findMany({
    where: { evidenceFileIds: { contains: fileId }, candidate: { userId: file.ownerUserId } },
    select: { assessorUserId: true, evidenceFileIds: true },
  });
  return requests.some((r) => parseStringList(r.evidenceFileIds).includes(fileId) && mayReview(viewer, r));
}

export type DecideResult = { status: "ok"; awardId: string | null } | { status: "not_found" } | { status: "already_decided" } | { status: "blocked"; blockers: PassBlocker[] };

/**
 * The assessor's verdict. A pass issues the badge in the same transaction: a random free place
 * in the status list, the credential signed and stored, the person's stage moved to certified.
 * Either way the candidate hears in their language, with the feedback.
 */
export async function decideAssessment(
  viewer: Actor,
  requestId: string,
  input: { outcome: "pass" | "fail"; checked: string[]; feedback: string },
): Promise<DecideResult> {
  const request = await db.assessmentRequest.findUnique({
    where: { id: requestId },
    select: {
      status: true,
      assessorUserId: true,
      quizCorrect: true,
      includeEmailHash: true,
      candidateProfileId: true,
      badgeId: true,
      badge: { select: { slug: true, texts: true, rubric: true, quizPassMark: true, skills: { select: { conceptUri: true } } } },
      candidate: { select: { userId: true, badgeSubjectId: true, stage: true, consentEmail: true } },
    },
  });
  if (!request || !mayReview(viewer, request)) return { status: "not_found" };
  if (request.status !== "submitted") return { status: "already_decided" };
  const rubric = rubricItems(request.badge.rubric, "en");
  const checked = input.checked.filter((id) => rubric.some((item) => item.id === id));
  if (input.outcome === "pass") {
    const blockers = passBlockers({ rubricIds: rubric.map((r) => r.id), checked, quizCorrect: request.quizCorrect, quizPassMark: request.badge.quizPassMark });
    if (blockers.length > 0) return { status: "blocked", blockers };
  }
  const person = await db.user.findUniqueOrThrow({ where: { id: request.candidate.userId }, select: recipientSelect });
  const passed = input.outcome === "pass";
  const now = new Date();
  const awardId = passed ? crypto.randomUUID() : null;
  const recipientEmail = request.includeEmailHash && person.email ? { email: person.email, salt: crypto.randomBytes(16).toString("base64url") } : undefined;
  const credential = passed && awardId ? await signAward(awardId, request, { locale: person.locale, recipientEmail }, now) : null;

  const decided = await db.$transaction(async (tx) => {
    const claimed = await tx.assessmentRequest.updateMany({
      where: { id: requestId, status: "submitted" },
      data: { status: passed ? "passed" : "failed", assessorUserId: viewer.userId, rubricChecked: JSON.stringify(checked), feedback: input.feedback, decidedAt: now },
    });
    if (claimed.count === 0) return false;
    if (credential && awardId) {
      await tx.badgeAward.create({
        data: { id: awardId, badgeId: request.badgeId, assessmentId: requestId, candidateProfileId: request.candidateProfileId, statusIndex: credential.statusIndex, credential: credential.jwt, language: credential.language, issuedAt: now },
      });
      // A proven skill changes the person's slates: the profile's update time tells the index.
      if (!(await advanceStage(tx, request.candidateProfileId, "certified", now))) await tx.candidateProfile.update({ where: { id: request.candidateProfileId }, data: { updatedAt: now } });
    }
    return true;
  });
  if (!decided) return { status: "already_decided" };
  await audit({ action: passed ? "assessment.passed" : "assessment.failed", outcome: "success", actorUserId: viewer.userId, targetType: "assessment", targetId: requestId, detail: { badge: request.badge.slug, awardId } });
  const link = awardId ? `/badges/${awardId}` : `/certification/${request.badge.slug}`;
  await notifyPerson(person, passed ? "assessment_passed" : "assessment_failed", link, (t, locale, name) =>
    assessmentDecidedEmail(t, locale, {
      name,
      badge: badgeTexts(request.badge.texts, locale).name,
      passed,
      feedback: input.feedback,
      url: awardId ? badgeUrls().award(awardId) : `${env().APP_URL}/certification/${request.badge.slug}`,
    }),
    { email: request.candidate.consentEmail },
  );
  return { status: "ok", awardId };
}

/** A random free place in the status list (random, so a place says nothing about when a badge was issued). */
async function freeStatusIndex(): Promise<number> {
  for (let attempt = 0; attempt < 32; attempt++) {
    const index = crypto.randomInt(STATUS_LIST_BITS);
    if (!(await db.badgeAward.findUnique({ where: { statusIndex: index }, select: { id: true } }))) return index;
  }
  throw new Error("the revocation status list is nearly full: start a second list");
}

async function signAward(
  awardId: string,
  request: { badge: { slug: string; texts: string; rubric: string; skills: Array<{ conceptUri: string }> }; candidate: { badgeSubjectId: string } },
  holder: { locale: string; recipientEmail?: { email: string; salt: string } },
  now: Date,
) {
  const urls = badgeUrls();
  const texts = badgeTexts(request.badge.texts, holder.locale);
  const labels = await labelsFor(request.badge.skills.map((s) => s.conceptUri), texts.language);
  const statusIndex = await freeStatusIndex();
  const rubric = rubricItems(request.badge.rubric, texts.language);
  const credential = buildOpenBadgeCredential({
    id: urls.award(awardId),
    issuer: { id: urls.issuer, name: ISSUER_NAME, url: env().APP_URL },
    subjectId: `urn:uuid:${request.candidate.badgeSubjectId}`,
    validFrom: now,
    language: texts.language,
    achievement: {
      id: urls.achievement(request.badge.slug),
      name: texts.name,
      description: texts.description,
      criteria: texts.criteria,
      imageUrl: urls.image(request.badge.slug, texts.language),
      skills: request.badge.skills.map((s) => ({ name: labels.get(s.conceptUri)?.label ?? s.conceptUri, escoUri: s.conceptUri })),
    },
    // What was assessed, never the person's own statement or files (those stay private).
    evidence: [{ id: urls.award(awardId), name: ISSUER_NAME, narrative: rubric.map((item) => `✓ ${item.text}`).join("\n") }],
    ...(holder.recipientEmail && { recipientEmail: holder.recipientEmail }),
    status: { listUrl: urls.statusList, index: statusIndex },
  });
  return { jwt: await badgeKeys().signCredential(credential), statusIndex, language: texts.language };
}

/** The public view of an award: what it certifies, in the reader's language, and whether it holds. */
export async function publicAward(awardId: string, language: string, now = new Date()) {
  const award = await db.badgeAward.findUnique({
    where: { id: awardId },
    select: { id: true, issuedAt: true, validUntil: true, revokedAt: true, revocationReason: true, credential: true, badge: { select: { slug: true, level: true, texts: true, rubric: true, skills: { select: { conceptUri: true } } } } },
  });
  if (!award) return null;
  const verification = await badgeKeys().verifyCredentialJwt(award.credential);
  const labels = await labelsFor(award.badge.skills.map((s) => s.conceptUri), language);
  return {
    id: award.id,
    issuedAt: award.issuedAt,
    state: verification.valid ? awardState(award, now) : ({ state: "invalid" } as const),
    badge: {
      slug: award.badge.slug,
      level: award.badge.level,
      ...badgeTexts(award.badge.texts, language),
      rubric: rubricItems(award.badge.rubric, language),
      skills: award.badge.skills.map((s) => ({ uri: s.conceptUri, label: labels.get(s.conceptUri)?.label ?? s.conceptUri })),
    },
  };
}

export async function awardCredential(awardId: string): Promise<string | null> {
  const award = await db.badgeAward.findUnique({ where: { id: awardId }, select: { credential: true } });
  return award?.credential ?? null;
}

/** The revocation list as a signed BitstringStatusListCredential, current at every request. */
export async function statusListCredential(now = new Date()): Promise<string> {
  const revoked = await db.badgeAward.findMany({ where: { revokedAt: { not: null } }, select: { statusIndex: true } });
  let bits = emptyStatusList();
  for (const { statusIndex } of revoked) bits = setStatus(bits, statusIndex, true);
  const urls = badgeUrls();
  return badgeKeys().signCredential(buildStatusListCredential({ id: urls.statusList, issuer: urls.issuer, validFrom: now, encodedList: encodeStatusList(bits) }));
}

export type RevokeResult = "ok" | "not_found" | "already_revoked";

export async function revokeAward(actorUserId: string, awardId: string, reason: string): Promise<RevokeResult> {
  const award = await db.badgeAward.findUnique({ where: { id: awardId }, select: { revokedAt: true, candidateProfileId: true } });
  if (!award) return "not_found";
  const { count } = await db.badgeAward.updateMany({ where: { id: awardId, revokedAt: null }, data: { revokedAt: new Date(), revocationReason: reason } });
  if (count === 0) return "already_revoked";
  if (award.candidateProfileId) await touchCandidate(award.candidateProfileId);
  await audit({ action: "badge.revoked", outcome: "success", actorUserId, targetType: "badge_award", targetId: awardId });
  return "ok";
}

/** Skills a person holds through valid badges: concept URI → the badges that prove it. */
export async function verifiedSkills(profileId: string, language: string): Promise<Map<string, Array<{ awardId: string; badge: string }>>> {
  const awards = await db.badgeAward.findMany({
    where: { candidateProfileId: profileId, revokedAt: null },
    select: { id: true, validUntil: true, revokedAt: true, revocationReason: true, badge: { select: { texts: true, skills: { select: { conceptUri: true } } } } },
  });
  const now = new Date();
  const verified = new Map<string, Array<{ awardId: string; badge: string }>>();
  for (const award of awards) {
    if (awardState(award, now).state !== "valid") continue;
    for (const { conceptUri } of award.badge.skills) {
      const list = verified.get(conceptUri) ?? [];
      list.push({ awardId: award.id, badge: badgeTexts(award.badge.texts, language).name });
      verified.set(conceptUri, list);
    }
  }
  return verified;
}

/** Every definition (active or not) with what the admin list shows. */
export async function adminBadgeList(language: string) {
  const [badges, awards] = await Promise.all([
    db.badgeDefinition.findMany({ orderBy: { slug: "asc" }, select: { slug: true, level: true, texts: true, active: true, _count: { select: { awards: true } } } }),
    db.badgeAward.findMany({ orderBy: { issuedAt: "desc" }, take: 50, select: { id: true, issuedAt: true, revokedAt: true, badge: { select: { texts: true } } } }),
  ]);
  return {
    badges: badges.map((b) => ({ slug: b.slug, level: b.level, active: b.active, awards: b._count.awards, name: badgeTexts(b.texts, language).name })),
    awards: awards.map((a) => ({ id: a.id, issuedAt: a.issuedAt, revoked: a.revokedAt !== null, name: badgeTexts(a.badge.texts, language).name })),
  };
}

/** A definition as stored, for the edit form. */
export async function badgeDefinitionForEdit(slug: string) {
  return db.badgeDefinition.findUnique({ where: { slug }, select: { slug: true, level: true, texts: true, rubric: true, active: true, skills: { select: { conceptUri: true } } } });
}

export interface BadgeDefinitionInput {
  slug: string;
  level: string;
  active: boolean;
  texts: Record<string, { name: string; description: string; criteria: string }>;
  rubric: Array<{ id: string; texts: Record<string, string> }>;
  skills: string[];
}

export type SaveBadgeResult = { status: "ok" } | { status: "slug_taken" } | { status: "unknown_skills"; uris: string[] };

/** Creates or updates a definition. The check (quiz) is kept as it is: it is set up with the data, not here. */
export async function saveBadgeDefinition(actorUserId: string, input: BadgeDefinitionInput, mode: "create" | "update"): Promise<SaveBadgeResult> {
  const known = await db.taxonomyConcept.findMany({ where: { uri: { in: input.skills } }, select: { uri: true } });
  const unknown = input.skills.filter((uri) => !known.some((k) => k.uri === uri));
  if (unknown.length > 0) return { status: "unknown_skills", uris: unknown };
  const fields = { level: input.level, active: input.active, texts: JSON.stringify(input.texts), rubric: JSON.stringify(input.rubric) };
  const done = await db.$transaction(async (tx) => {
    const existing = await tx.badgeDefinition.findUnique({ where: { slug: input.slug }, select: { id: true } });
    if (mode === "create" && existing) return false;
    const badge = existing
      ? await tx.badgeDefinition.update({ where: { id: existing.id }, data: fields, select: { id: true } })
      : await tx.badgeDefinition.create({ data: { slug: input.slug, ...fields }, select: { id: true } });
    await tx.badgeSkill.deleteMany({ where: { badgeId: badge.id } });
    await tx.badgeSkill.createMany({ data: input.skills.map((conceptUri) => ({ badgeId: badge.id, conceptUri })) });
    return true;
  });
  if (!done) return { status: "slug_taken" };
  await audit({ action: mode === "create" ? "badge.created" : "badge.updated", outcome: "success", actorUserId, targetType: "badge_definition", targetId: input.slug });
  return { status: "ok" };
}
