import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeStatusList, isRevoked } from "~/domain/badges/status-list";
import { eraseCandidate } from "~/models/erasure.server";
import { loader as jwksLoader } from "~/routes/[.well-known].jwks[.]json";
import { loader as adminBadgesLoader } from "~/routes/admin.badges";
import { action as editAction } from "~/routes/admin.badges_.$slug";
import { action as decideAction, loader as reviewLoader } from "~/routes/assess.$requestId";
import { loader as queueLoader } from "~/routes/assess._index";
import { action as verifyAction, loader as verifyLoader } from "~/routes/badges.$awardId";
import { loader as credentialLoader } from "~/routes/badges.$awardId_.credential";
import { loader as statusLoader } from "~/routes/badges.status.revocation";
import { loader as evidenceLoader } from "~/routes/certification.files.$fileId";
import { action as requestAction } from "~/routes/certification.$slug/route";
import { loader as catalogueLoader } from "~/routes/certification._index";
import { action as matchAction } from "~/routes/coach.matches.$matchId/route";
import { loader as profileLoader } from "~/routes/profile/route";
import { db } from "~/utils/db.server";
import { minimalPdf } from "../fixtures/files/cv-fixtures";
import { tmpDir } from "../setup/paths";
import { cookieFor, formRequest, getRequest, runRoute as run, type RouteArgs } from "./context";

const uploads = path.join(tmpDir, `uploads-${crypto.randomUUID()}`);
process.env.UPLOADS_DIR = uploads;
afterAll(() => fs.rmSync(uploads, { recursive: true, force: true }));


const get = async (fn: (args: RouteArgs) => Promise<unknown> | unknown, email: string | null, url: string, params: Record<string, string> = {}, headers: Record<string, string> = {}) =>
  run(fn, getRequest(url, { ...(email ? { cookie: await cookieFor(email) } : {}), headers }), params);
const post = async (fn: (args: RouteArgs) => Promise<unknown>, email: string, url: string, fields: Record<string, string | string[]>, params: Record<string, string> = {}) => {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  const template = formRequest(url, {}, { cookie: await cookieFor(email) });
  return run(fn, new Request(template.url, { method: "POST", headers: template.headers, body }), params);
};
async function multipart(email: string, slug: string, fields: Record<string, string>, files: Array<{ bytes: Uint8Array; name: string; type: string }> = []) {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(key, value);
  for (const file of files) body.append("files", new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
  return run(requestAction, new Request(`http://localhost:3000/certification/${slug}`, { method: "POST", body, headers: { Cookie: await cookieFor(email) } }), { slug });
}

const statusOf = (result: unknown) => (result instanceof Response ? result.status : ((result as { init?: { status: number } }).init?.status ?? 200));
type Failure = { init: { status: number }; data: { errors: Record<string, string[]>; values: Record<string, unknown> } };

const CANDIDATE = "candidate2@demo.harbor"; // Iryna: Ukrainian, German B1, English B2; accounting
const KARIM = "coach2@demo.harbor"; // assesses accounting and data analysis in Arabic, English, French
const SOFIA = "assessor@demo.harbor"; // assesses customer service and web development
const ADMIN = "admin@demo.harbor";
const userId = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;

/** Verification written apart from the issuing code: node:crypto and the published JWKS only. */
async function verifyIndependently(jwt: string): Promise<Record<string, unknown> | null> {
  const [header, payload, signature, ...rest] = jwt.split(".");
  if (!header || !payload || !signature || rest.length) return null;
  const protectedHeader = JSON.parse(Buffer.from(header, "base64url").toString()) as { alg: string; kid: string; typ: string };
  if (protectedHeader.alg !== "EdDSA" || protectedHeader.typ !== "vc+jwt") return null;
  const jwks = JSON.parse(await ((await get(jwksLoader, null, "/.well-known/jwks.json")) as Response).text()) as { keys: Array<crypto.JsonWebKey & { kid: string }> };
  const jwk = jwks.keys.find((k) => k.kid === protectedHeader.kid);
  if (!jwk) return null;
  const key = crypto.createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: "jwk" });
  const ok = crypto.verify(null, Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, "base64url"));
  return ok ? (JSON.parse(Buffer.from(payload, "base64url").toString()) as Record<string, unknown>) : null;
}

describe("who may do what", () => {
  it("keeps assessment, badge administration and certification to their roles", async () => {
    expect(statusOf(await get(queueLoader, CANDIDATE, "/assess"))).toBe(403);
    expect(statusOf(await get(queueLoader, "ngo@demo.harbor", "/assess"))).toBe(403);
    expect(statusOf(await get(adminBadgesLoader, SOFIA, "/admin/badges"))).toBe(403);
    expect(statusOf(await get(adminBadgesLoader, CANDIDATE, "/admin/badges"))).toBe(403);
    expect(statusOf(await get(catalogueLoader, "ngo@demo.harbor", "/certification"))).toBe(403);
    expect(statusOf(await get(catalogueLoader, SOFIA, "/certification"))).toBe(403);
    expect(statusOf(await post(editAction, SOFIA, "/admin/badges/new", { slug: "x" }, { slug: "new" }))).toBe(403);
  });
});

describe("request, review, award, verify, revoke", () => {
  let requestId: string;
  let awardId: string;

  it("refuses a request it cannot take, keeping what was typed", async () => {
    const badLink = (await multipart(CANDIDATE, "accounting-fundamentals", { statement: "Я вела облік для пекарні", links: "not a link", q_q1: "0", q_q2: "0" })) as Failure;
    expect(badLink.init.status).toBe(400);
    expect(badLink.data.errors.links).toEqual(["badges:request.errors.link_invalid"]);
    expect(badLink.data.values.statement).toBe("Я вела облік для пекарні");
    const badFile = (await multipart(CANDIDATE, "accounting-fundamentals", { statement: "x", q_q1: "0", q_q2: "0" }, [{ bytes: new TextEncoder().encode("MZ not a pdf"), name: "cv.pdf", type: "application/pdf" }])) as Failure;
    expect(badFile.data.errors.files).toEqual(["badges:request.errors.file_type"]);
    const noQuiz = (await multipart(CANDIDATE, "accounting-fundamentals", { statement: "x" })) as Failure;
    expect(noQuiz.data.errors.form).toEqual(["badges:request.errors.quiz_incomplete"]);
    expect(await db.assessmentRequest.count()).toBe(0);
    expect(await db.storedFile.count({ where: { purpose: "evidence" } })).toBe(0);
  });

  it("routes the request to an assessor who shares a language and the area", async () => {
    const response = await multipart(
      CANDIDATE,
      "accounting-fundamentals",
      { statement: "Я вела облік для пекарні два роки.", links: "https://example.org/portfolio", q_q1: "1", q_q2: "0" },
      [{ bytes: minimalPdf(), name: "ledger.pdf", type: "application/pdf" }],
    );
    expect(statusOf(response)).toBe(303);
    const request = await db.assessmentRequest.findFirstOrThrow({ include: { badge: true } });
    requestId = request.id;
    expect(request).toMatchObject({ status: "submitted", quizCorrect: 1, assessorUserId: await userId(KARIM) });
    expect(await db.emailMessage.count({ where: { template: "assessment_requested", toAddress: KARIM } })).toBe(1);
    // A second request for the same badge waits for the first.
    const again = (await multipart(CANDIDATE, "accounting-fundamentals", { statement: "x", q_q1: "0", q_q2: "0" })) as Failure;
    expect(again.data.errors.form).toEqual(["badges:request.errors.already_open"]);
  });

  it("shows the request and its evidence to its assessor, not to other assessors", async () => {
    // Sofia assesses other areas; an employer and another candidate have no business here.
    expect(statusOf(await get(reviewLoader, SOFIA, `/assess/${requestId}`, { requestId }))).toBe(404);
    expect(statusOf(await post(decideAction, SOFIA, `/assess/${requestId}`, { outcome: "pass", feedback: "x", checked: ["r1", "r2", "r3"] }, { requestId }))).toBe(404);
    expect(statusOf(await get(reviewLoader, "employer@demo.harbor", `/assess/${requestId}`, { requestId }))).toBe(403);
    expect(statusOf(await get(reviewLoader, "candidate@demo.harbor", `/assess/${requestId}`, { requestId }))).toBe(403);
    expect(statusOf(await post(decideAction, "candidate@demo.harbor", `/assess/${requestId}`, { outcome: "pass", feedback: "x", checked: [] }, { requestId }))).toBe(403);
    const page = (await get(reviewLoader, KARIM, `/assess/${requestId}`, { requestId })) as Awaited<ReturnType<typeof reviewLoader>>;
    expect(page.rubric).toHaveLength(3);
    expect(page.links).toEqual(["https://example.org/portfolio"]);
    const fileId = page.files[0]!.id;
    expect(statusOf(await get(evidenceLoader, KARIM, `/certification/files/${fileId}`, { fileId }))).toBe(200);
    expect(statusOf(await get(evidenceLoader, CANDIDATE, `/certification/files/${fileId}`, { fileId }))).toBe(200);
    expect(statusOf(await get(evidenceLoader, SOFIA, `/certification/files/${fileId}`, { fileId }))).toBe(403);
    expect(statusOf(await get(evidenceLoader, "ngo@demo.harbor", `/certification/files/${fileId}`, { fileId }))).toBe(403);
    expect(statusOf(await get(evidenceLoader, "employer@demo.harbor", `/certification/files/${fileId}`, { fileId }))).toBe(403);
    expect(statusOf(await get(evidenceLoader, "candidate@demo.harbor", `/certification/files/${fileId}`, { fileId }))).toBe(403);
  });

  it("does not pass below the check's mark; a fail tells the candidate in Ukrainian, who may try again", async () => {
    const all = ["r1", "r2", "r3"];
    const blocked = (await post(decideAction, KARIM, `/assess/${requestId}`, { outcome: "pass", feedback: "Good ledger", checked: all }, { requestId })) as Failure;
    expect(blocked.init.status).toBe(422);
    expect(blocked.data.errors).toEqual(["badges:review.errors.quiz_below_pass_mark"]);
    expect(statusOf(await post(decideAction, KARIM, `/assess/${requestId}`, { outcome: "fail", feedback: "Please review double entry.", checked: ["r3"] }, { requestId }))).toBe(303);
    expect((await db.assessmentRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("failed");
    const email = await db.emailMessage.findFirstOrThrow({ where: { template: "assessment_failed", toAddress: CANDIDATE } });
    expect(email.locale).toBe("uk");
    expect(email.text).toContain("Please review double entry.");
    expect(statusOf(await post(decideAction, KARIM, `/assess/${requestId}`, { outcome: "pass", feedback: "x", checked: all }, { requestId }))).toBe(409);
  });

  it("passes a resubmission: the badge is signed, the person certified and told", async () => {
    // This time Iryna opts in to a hash of her email in the badge.
    expect(statusOf(await multipart(CANDIDATE, "accounting-fundamentals", { statement: "Виправила проводки.", q_q1: "0", q_q2: "0", includeEmailHash: "on" }))).toBe(303);
    const request = await db.assessmentRequest.findFirstOrThrow({ where: { status: "submitted" } });
    const missingItem = (await post(decideAction, KARIM, `/assess/${request.id}`, { outcome: "pass", feedback: "Well done", checked: ["r1", "r2"] }, { requestId: request.id })) as Failure;
    expect(missingItem.data.errors).toEqual(["badges:review.errors.rubric_incomplete"]);
    expect(statusOf(await post(decideAction, KARIM, `/assess/${request.id}`, { outcome: "pass", feedback: "Well done", checked: ["r1", "r2", "r3"] }, { requestId: request.id }))).toBe(303);
    const award = await db.badgeAward.findFirstOrThrow({ include: { candidate: true } });
    awardId = award.id;
    expect(award.candidate?.stage).toBe("certified");
    expect(await db.emailMessage.count({ where: { template: "assessment_passed", toAddress: CANDIDATE } })).toBe(1);
  });

  it("issues a credential that verifies independently, names the person by a stable id, and fails when tampered with", async () => {
    const response = (await get(credentialLoader, null, `/badges/${awardId}/credential`, { awardId })) as Response;
    expect(response.headers.get("Content-Type")).toBe("application/vc+jwt");
    const jwt = await response.text();
    const credential = await verifyIndependently(jwt);
    expect(credential).not.toBeNull();
    const profile = await db.candidateProfile.findFirstOrThrow({ where: { userId: await userId(CANDIDATE) } });
    expect(credential).toMatchObject({
      "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
      type: ["VerifiableCredential", "OpenBadgeCredential"],
      issuer: { id: "http://localhost:3000/badges/issuer" },
      credentialSubject: { id: `urn:uuid:${profile.badgeSubjectId}`, achievement: { inLanguage: "uk" } },
      credentialStatus: { type: "BitstringStatusListEntry", statusListCredential: "http://localhost:3000/badges/status/revocation" },
    });
    // The address itself never appears; the opted-in hash matches it with its salt.
    const [identity] = (credential as { credentialSubject: { identifier: Array<{ identityHash: string; salt: string }> } }).credentialSubject.identifier;
    expect(identity!.identityHash).toBe(`sha256$${crypto.createHash("sha256").update(CANDIDATE + identity!.salt).digest("hex")}`);
    expect(JSON.stringify(credential)).not.toContain(CANDIDATE);
    const alignment = (credential as { credentialSubject: { achievement: { alignment: Array<{ targetUrl: string }> } } }).credentialSubject.achievement.alignment;
    expect(alignment.map((a) => a.targetUrl)).toEqual(expect.arrayContaining([expect.stringMatching(/^http:\/\/data\.europa\.eu\/esco\/skill\//)]));

    const [header, payload, signature] = jwt.split(".");
    const changed = { ...JSON.parse(Buffer.from(payload!, "base64url").toString()), name: "Advanced accounting" };
    expect(await verifyIndependently([header, Buffer.from(JSON.stringify(changed)).toString("base64url"), signature].join("."))).toBeNull();

    // Signed by a key that is not ours, under our kid: refused.
    const stranger = crypto.generateKeyPairSync("ed25519").privateKey;
    const forged = `${header}.${payload}.${crypto.sign(null, Buffer.from(`${header}.${payload}`), stranger).toString("base64url")}`;
    expect(await verifyIndependently(forged)).toBeNull();

    const json = (await get(credentialLoader, null, `/badges/${awardId}/credential`, { awardId }, { Accept: "application/json" })) as Response;
    expect(json.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(await json.json()).toEqual(credential);

    const page = (await get(verifyLoader, null, `/badges/${awardId}?lng=es`, { awardId })) as Awaited<ReturnType<typeof verifyLoader>>;
    expect(page.state).toBe("valid");
    const mine = (await get(profileLoader, CANDIDATE, "/profile")) as Awaited<ReturnType<typeof profileLoader>>;
    expect(mine.verifiedSkills.length).toBeGreaterThan(0);
    expect(mine.verifiedSkills.every((s) => s.badges.some((b) => b.awardId === awardId))).toBe(true);
  });

  it("revokes at once: the page and the status list say so; only admins may revoke", async () => {
    expect(statusOf(await post(verifyAction, KARIM, `/badges/${awardId}`, { reason: "x" }, { awardId }))).toBe(403);
    expect(statusOf(await post(verifyAction, CANDIDATE, `/badges/${awardId}`, { reason: "x" }, { awardId }))).toBe(403);
    const empty = (await post(verifyAction, ADMIN, `/badges/${awardId}`, { reason: "  " }, { awardId })) as { init: { status: number } };
    expect(empty.init.status).toBe(400);
    expect(statusOf(await post(verifyAction, ADMIN, `/badges/${awardId}`, { reason: "Evidence was not the candidate's own" }, { awardId }))).toBe(303);

    const page = (await get(verifyLoader, null, `/badges/${awardId}`, { awardId })) as Awaited<ReturnType<typeof verifyLoader>>;
    expect(page).toMatchObject({ state: "revoked", reason: "Evidence was not the candidate's own" });
    const list = await verifyIndependently(await ((await get(statusLoader, null, "/badges/status/revocation")) as Response).text());
    const encoded = (list as { credentialSubject: { encodedList: string } }).credentialSubject.encodedList;
    const award = await db.badgeAward.findUniqueOrThrow({ where: { id: awardId } });
    const bits = decodeStatusList(encoded);
    expect(bits.length * 8).toBeGreaterThanOrEqual(131_072);
    expect(isRevoked(bits, award.statusIndex)).toBe(true);
    expect(isRevoked(bits, (award.statusIndex + 1) % 131_072)).toBe(false);
  });
});

describe("a coach's recommendation", () => {
  let matchId: string;
  beforeAll(async () => {
    const run = await db.matchRun.create({ data: { engineVersion: "test", candidates: 1, coaches: 1, durationMs: 0, greedyAssigned: 1, greedyScore: 0, status: "published" } });
    const profile = await db.candidateProfile.findFirstOrThrow({ where: { userId: await userId("candidate3@demo.harbor") } });
    matchId = (await db.coachMatch.create({ data: { runId: run.id, candidateProfileId: profile.id, coachUserId: await userId("coach@demo.harbor"), status: "accepted" } })).id;
  });

  it("opens a request waiting for the candidate's evidence, and only from the coach's own match", async () => {
    expect(statusOf(await post(matchAction, KARIM, `/coach/matches/${matchId}`, { intent: "recommend", badge: "data-analysis" }, { matchId }))).toBe(404);
    expect(statusOf(await post(matchAction, "coach@demo.harbor", `/coach/matches/${matchId}`, { intent: "recommend", badge: "data-analysis" }, { matchId }))).toBe(303);
    const request = await db.assessmentRequest.findFirstOrThrow({ where: { status: "awaiting_evidence" } });
    expect(await db.emailMessage.count({ where: { template: "badge_recommended", toAddress: "candidate3@demo.harbor" } })).toBe(1);
    // The candidate completes that same request with their evidence.
    expect(statusOf(await multipart("candidate3@demo.harbor", "data-analysis", { statement: "Аналіз продажів у SQL", q_q1: "0" }))).toBe(303);
    expect(await db.assessmentRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "submitted", statement: "Аналіз продажів у SQL" });
    expect(await db.assessmentRequest.count({ where: { badge: { slug: "data-analysis" } } })).toBe(1);
  });
});

describe("erasure", () => {
  it("revokes the person's badges and cuts the link to them", async () => {
    const award = await db.badgeAward.findFirstOrThrow();
    await db.badgeAward.update({ where: { id: award.id }, data: { revokedAt: null, revocationReason: null } });
    await eraseCandidate(await userId(CANDIDATE));
    const after = await db.badgeAward.findUniqueOrThrow({ where: { id: award.id } });
    expect(after.candidateProfileId).toBeNull();
    expect(after.revokedAt).not.toBeNull();
    const page = (await get(verifyLoader, null, `/badges/${award.id}`, { awardId: award.id })) as Awaited<ReturnType<typeof verifyLoader>>;
    expect(page.state).toBe("revoked");
  });
});

describe("badge definitions", () => {
  it("need texts in every language and a rubric of the same length in each", async () => {
    const fields: Record<string, string> = { slug: "bookkeeping-basics", level: "foundation", active: "on", skills: "http://example.org/not-in-the-taxonomy" };
    for (const lng of ["en", "uk", "ru", "ar", "fa", "es", "fr"]) Object.assign(fields, { [`name_${lng}`]: `Name ${lng}`, [`description_${lng}`]: "D", [`criteria_${lng}`]: "C", [`rubric_${lng}`]: "one\ntwo" });
    fields.name_fa = "";
    fields.rubric_ar = "only one";
    const refused = (await post(editAction, ADMIN, "/admin/badges/new", fields, { slug: "new" })) as Failure;
    expect(refused.init.status).toBe(400);
    expect(refused.data.errors).toMatchObject({ name_fa: ["validation:required"], rubric_ar: ["badges:edit.errors.rubric_mismatch"] });
    expect(refused.data.values.name_en).toBe("Name en");
    fields.name_fa = "نام";
    fields.rubric_ar = "واحد\nاثنان";
    const unknown = (await post(editAction, ADMIN, "/admin/badges/new", fields, { slug: "new" })) as Failure;
    expect(unknown.data.errors.skills).toEqual(["badges:edit.errors.unknown_skills"]);
    const skill = await db.badgeSkill.findFirstOrThrow();
    fields.skills = skill.conceptUri;
    expect(statusOf(await post(editAction, ADMIN, "/admin/badges/new", fields, { slug: "new" }))).toBe(303);
    const saved = await db.badgeDefinition.findUniqueOrThrow({ where: { slug: "bookkeeping-basics" } });
    expect(JSON.parse(saved.rubric)).toEqual([
      { id: "r1", texts: expect.objectContaining({ en: "one", ar: "واحد" }) },
      { id: "r2", texts: expect.objectContaining({ en: "two", ar: "اثنان" }) },
    ]);
    expect(statusOf(await post(editAction, ADMIN, "/admin/badges/new", fields, { slug: "new" }))).toBe(409);
  });
});
