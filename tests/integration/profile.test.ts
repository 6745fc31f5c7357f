import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { foldForSearch } from "~/domain/taxonomy/search-text";
import { action as profileAction, loader as profileLoader } from "~/routes/profile/route";
import { loader as cvLoader } from "~/routes/profile.cv.$fileId";
import { loader as exportLoader } from "~/routes/profile.export";
import { action as deleteAction, loader as deleteLoader } from "~/routes/profile_.delete/route";
import { fileExists } from "~/services/file-storage.server";
import { db } from "~/utils/db.server";
import { keyedHash } from "~/utils/tokens.server";
import { minimalDocx, minimalPdf } from "../fixtures/files/cv-fixtures";
import { tmpDir } from "../setup/paths";
import { cookieFor, formRequest, getRequest, loadContext, runRoute as run } from "./context";

// Uploaded files of this test file go to a private folder, removed at the end.
const uploads = path.join(tmpDir, `uploads-${crypto.randomUUID()}`);
process.env.UPLOADS_DIR = uploads;
afterAll(() => fs.rmSync(uploads, { recursive: true, force: true }));


interface Failure {
  init: { status: number };
  data: { form: string | null; error: string | null; result: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> } | null };
}


const post = async (email: string, fields: Record<string, string>) => run(profileAction, formRequest("/profile", fields, { cookie: await cookieFor(email) }));
const page = async (email: string, search = "") =>
  (await profileLoader({ request: getRequest(`/profile${search}`, { cookie: await cookieFor(email) }), params: {}, context: loadContext() })) as Awaited<
    ReturnType<typeof profileLoader>
  >;

function upload(email: string, file: { bytes: Uint8Array; name: string; type: string }, cookie?: string) {
  const body = new FormData();
  body.append("intent", "cv_upload");
  body.append("cv", new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
  return (async () =>
    run(profileAction, new Request("http://localhost:3000/profile", { method: "POST", body, headers: { Cookie: cookie ?? (await cookieFor(email)) } })))();
}

const userOf = (email: string) => db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, phone: true, displayName: true } });
const profileOf = (userId: string) => db.candidateProfile.findUniqueOrThrow({ where: { userId } });

const SKILL = "http://data.europa.eu/esco/skill/harbor-test-bookkeeping";
const SKILL_GROUP = "http://data.europa.eu/esco/skill/harbor-test-web";

beforeAll(async () => {
  // Two concepts of our own, so the test does not depend on which ESCO subset is loaded.
  await db.taxonomyConcept.createMany({
    data: [
      { uri: SKILL, kind: "skill", skillType: "skill/competence", version: "test" },
      { uri: SKILL_GROUP, kind: "skill_group", version: "test" },
    ],
  });
  const label = (conceptUri: string, language: string, text: string, provenance = "esco") => ({
    conceptUri,
    language,
    label: text,
    preferred: true,
    provenance,
    searchText: foldForSearch(text),
  });
  await db.taxonomyLabel.createMany({
    data: [
      label(SKILL, "en", "zebra bookkeeping"),
      label(SKILL, "uk", "зебра бухгалтерія", "harbor"),
      label(SKILL_GROUP, "en", "zebra web work"),
    ],
  });
});

describe("who may use the profile", () => {
  it.each(["ngo-staff@demo.harbor", "employer@demo.harbor", "coach@demo.harbor"])("answers 403 to %s", async (email) => {
    const cookie = await cookieFor(email);
    const loaderDenied = (await run(profileLoader, getRequest("/profile", { cookie }))) as Response;
    expect(loaderDenied.status).toBe(403);
    const actionDenied = (await run(profileAction, formRequest("/profile", { intent: "basics", nativeName: "X", latinName: "X" }, { cookie }))) as Response;
    expect(actionDenied.status).toBe(403);
    expect(((await run(exportLoader, getRequest("/profile/export", { cookie }))) as Response).status).toBe(403);
    expect(((await run(deleteLoader, getRequest("/profile/delete", { cookie }))) as Response).status).toBe(403);
    expect(((await run(deleteAction, formRequest("/profile/delete", { confirm: "on" }, { cookie }))) as Response).status).toBe(403);
  });

  it("sends someone signed out to the sign-in page", async () => {
    const response = (await run(profileLoader, getRequest("/profile"))) as Response;
    expect(response.headers.get("Location")).toMatch(/^\/login\?redirectTo=%2Fprofile/);
  });
});

describe("basics and contact", () => {
  it("refuses invalid basics with field error keys, keeps what was typed and changes nothing", async () => {
    const user = await userOf("candidate2@demo.harbor");
    const before = await profileOf(user.id);
    const typed = {
      intent: "basics",
      nativeName: "Ірина Шевчук",
      latinName: "Ірина",
      currentCountry: "XX",
      timeZone: "Mars/Olympus",
      availabilityHours: "120",
      dateOfBirth: "2999-01-01",
      desiredRoles: "Accountant, Bookkeeper",
    };
    const result = (await post("candidate2@demo.harbor", typed)) as Failure;
    expect(result.init.status).toBe(400);
    expect(result.data.form).toBe("basics");
    expect(result.data.result?.error).toEqual({
      latinName: ["profile:errors.latin_only"],
      currentCountry: ["validation:invalid_country"],
      timeZone: ["profile:errors.time_zone"],
      availabilityHours: ["profile:errors.hours_range"],
      dateOfBirth: ["profile:errors.date_of_birth"],
    });
    // Nothing lost: the form comes back with everything typed, and the database is untouched.
    expect(result.data.result?.initialValue).toMatchObject({ nativeName: "Ірина Шевчук", desiredRoles: "Accountant, Bookkeeper" });
    expect(await profileOf(user.id)).toEqual(before);
  });

  it("saves valid basics and keeps the display name in step", async () => {
    const user = await userOf("candidate2@demo.harbor");
    const response = (await post("candidate2@demo.harbor", {
      intent: "basics",
      nativeName: "Ірина Шевчук",
      latinName: "Iryna Shevchuk-Brandt",
      countryOfOrigin: "UA",
      currentCountry: "DE",
      timeZone: "Europe/Berlin",
      availabilityHours: "0",
      dateOfBirth: "1990-04-12",
      desiredRoles: "Accountant\nBookkeeper, accountant",
    })) as Response;
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe("/profile?saved=basics#basics");
    const profile = await profileOf(user.id);
    expect(profile).toMatchObject({ latinName: "Iryna Shevchuk-Brandt", timeZone: "Europe/Berlin", availabilityHours: 0, dateOfBirth: "1990-04-12" });
    expect(JSON.parse(profile.desiredRoles)).toEqual(["Accountant", "Bookkeeper"]);
    expect((await userOf("candidate2@demo.harbor")).displayName).toBe("Iryna Shevchuk-Brandt");
    expect((await page("candidate2@demo.harbor", "?saved=basics")).saved).toBe("basics");
  });

  it("accepts a phone number alone, read in the person's current country", async () => {
    const user = await userOf("candidate7@demo.harbor"); // lives in PK
    const response = (await post("candidate7@demo.harbor", { intent: "contact", email: "", phone: "0301 2345678" })) as Response;
    expect(response.status).toBe(303);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.email).toBeNull();
    expect(after.phone).toBe("+923012345678");
    expect(after.emailVerifiedAt).toBeNull();
  });

  it("asks to confirm a new email address", async () => {
    // candidate7 has a phone only now (above); adding an address sends the link to confirm it.
    const response = (await post("candidate7@demo.harbor", { intent: "contact", email: "M.Rahimi@Example.org", phone: "+92 301 2345678" })) as Response;
    expect(response.status).toBe(303);
    const user = await db.user.findUniqueOrThrow({ where: { email: "m.rahimi@example.org" } });
    expect(user.emailVerifiedAt).toBeNull();
    const message = await db.emailMessage.findFirstOrThrow({ where: { toAddress: "m.rahimi@example.org", template: "verify_email" } });
    expect(message.locale).toBe("fa");
  });

  it("needs an email or a phone, and a valid phone", async () => {
    const none = (await post("candidate8@demo.harbor", { intent: "contact", email: "", phone: "" })) as Failure;
    expect(none.init.status).toBe(400);
    expect(none.data.result?.error).toEqual({ email: ["validation:contact_required"] });
    const bad = (await post("candidate8@demo.harbor", { intent: "contact", email: "candidate8@demo.harbor", phone: "12" })) as Failure;
    expect(bad.data.result?.error).toEqual({ phone: ["validation:invalid_phone"] });
  });

  it("keeps email addresses and phones unique across accounts", async () => {
    const taken = (await post("candidate8@demo.harbor", { intent: "contact", email: "Candidate9@demo.harbor", phone: "" })) as Failure;
    expect(taken.init.status).toBe(400);
    expect(taken.data.result?.error).toEqual({ email: ["profile:errors.email_taken"] });
    expect((await userOf("candidate8@demo.harbor")).email).toBe("candidate8@demo.harbor");

    await db.user.update({ where: { email: "candidate9@demo.harbor" }, data: { phone: "+573012345678" } });
    const phoneTaken = (await post("candidate8@demo.harbor", { intent: "contact", email: "candidate8@demo.harbor", phone: "+57 301 234 5678" })) as Failure;
    expect(phoneTaken.data.result?.error).toEqual({ phone: ["profile:errors.phone_taken"] });
  });
});

describe("languages, skills, history and links", () => {
  it("adds, re-levels and removes a language", async () => {
    const user = await userOf("candidate10@demo.harbor");
    const { id: profileId } = await profileOf(user.id);
    expect(((await post("candidate10@demo.harbor", { intent: "language_add", code: "prs", level: "A2" })) as Response).status).toBe(303);
    expect(((await post("candidate10@demo.harbor", { intent: "language_add", code: "prs", level: "B1" })) as Response).status).toBe(303);
    expect(await db.candidateLanguage.findMany({ where: { profileId, code: "prs" }, select: { level: true } })).toEqual([{ level: "B1" }]);
    const unknown = (await post("candidate10@demo.harbor", { intent: "language_add", code: "xx", level: "Z9" })) as Failure;
    expect(unknown.data.result?.error).toEqual({ code: ["profile:errors.language_required"], level: ["profile:errors.level_required"] });
    await post("candidate10@demo.harbor", { intent: "language_remove", code: "prs" });
    expect(await db.candidateLanguage.count({ where: { profileId, code: "prs" } })).toBe(0);
  });

  it("finds skills with a GET search, adds them with a level and removes them", async () => {
    const user = await userOf("candidate@demo.harbor");
    const { id: profileId } = await profileOf(user.id);
    const found = await page("candidate@demo.harbor", "?q=zebra");
    expect(found.search.results.map((r) => r.uri).sort()).toEqual([SKILL, SKILL_GROUP].sort());

    const before = await db.candidateSkill.count({ where: { profileId } });
    const added = (await post("candidate@demo.harbor", { intent: "skill_save", uri: SKILL, level: "4", q: "zebra" })) as Response;
    expect(added.headers.get("Location")).toBe("/profile?q=zebra&saved=skills#skills");
    expect(await db.candidateSkill.count({ where: { profileId } })).toBe(before + 1);
    expect(await db.candidateSkill.findMany({ where: { profileId, conceptUri: SKILL }, select: { level: true } })).toEqual([{ level: 4 }]);

    // Shown in the reader's language (Ukrainian, Harbor's own label, marked as such).
    const shown = await page("candidate@demo.harbor");
    expect(shown.skills.find((s) => s.conceptUri === SKILL)).toEqual({ conceptUri: SKILL, level: 4, label: "зебра бухгалтерія", lang: undefined, harbor: true, verifiedBy: [] });
    expect((await page("candidate@demo.harbor", "?q=zebra")).search.results.find((r) => r.uri === SKILL)?.owned).toBe(true);

    const unknown = (await post("candidate@demo.harbor", { intent: "skill_save", uri: "http://example.org/not-a-skill", level: "3" })) as Failure;
    expect(unknown.init.status).toBe(400);
    expect(unknown.data.error).toBe("profile:skills.unknown");

    await post("candidate@demo.harbor", { intent: "skill_remove", uri: SKILL });
    expect(await db.candidateSkill.count({ where: { profileId } })).toBe(before);
  });

  it("adds and removes work history, refusing an end before the start", async () => {
    const user = await userOf("candidate11@demo.harbor");
    const wrong = (await post("candidate11@demo.harbor", { intent: "work_add", title: "Web developer", organisation: "Kabul Web", from: "2021-05", to: "2019" })) as Failure;
    expect(wrong.data.result?.error).toEqual({ to: ["profile:errors.month_order"] });
    const ok = (await post("candidate11@demo.harbor", {
      intent: "work_add",
      title: "Web developer",
      organisation: "Kabul Web",
      from: "2019-03",
      to: "2021-08",
      description: "PHP and\nJavaScript",
    })) as Response;
    expect(ok.headers.get("Location")).toBe("/profile?saved=work#work");
    const [entry] = (await page("candidate11@demo.harbor")).profile.workHistory;
    expect(entry).toMatchObject({ title: "Web developer", organisation: "Kabul Web", from: "2019-03", to: "2021-08", description: "PHP and\nJavaScript" });
    await post("candidate11@demo.harbor", { intent: "work_remove", entryId: entry?.id ?? "" });
    expect(JSON.parse((await profileOf(user.id)).workHistory)).toEqual([]);
  });

  it("accepts only http and https links", async () => {
    const bad = (await post("candidate11@demo.harbor", { intent: "link_add", url: "javascript:alert(1)" })) as Failure;
    expect(bad.data.result?.error).toEqual({ url: ["profile:errors.url_invalid"] });
    await post("candidate11@demo.harbor", { intent: "link_add", url: "https://github.com/yusuf" });
    expect((await page("candidate11@demo.harbor")).profile.portfolioLinks).toEqual(["https://github.com/yusuf"]);
  });
});

describe("consents", () => {
  it("records a withdrawal in the history and in the profile's mirror column", async () => {
    const user = await userOf("candidate12@demo.harbor");
    const all = { consent_share_employers: "on", consent_share_coaches: "on", consent_share_referring_ngo: "on", consent_contact_email: "on" };
    expect(((await post("candidate12@demo.harbor", { intent: "consents", ...all })) as Response).status).toBe(303);
    expect((await profileOf(user.id)).consentEmployers).toBe(true);
    const rowsBefore = await db.consent.count({ where: { userId: user.id } });

    const { consent_share_employers: _withdrawn, ...rest } = all;
    await post("candidate12@demo.harbor", { intent: "consents", ...rest });
    expect((await profileOf(user.id)).consentEmployers).toBe(false);
    expect((await profileOf(user.id)).consentCoaches).toBe(true);
    expect(await db.consent.count({ where: { userId: user.id } })).toBe(rowsBefore + 1);
    const latest = await db.consent.findFirstOrThrow({ where: { userId: user.id }, orderBy: { createdAt: "desc" } });
    // In the language the page was shown in (the person's saved choice, Ukrainian).
    expect(latest).toMatchObject({ purpose: "share_employers", granted: false, language: "uk" });

    const shown = await page("candidate12@demo.harbor");
    expect(shown.consents.share_employers).toBe(false);
    expect(shown.consentHistory[0]).toMatchObject({ purpose: "share_employers", granted: false });
  });
});

describe("CV", () => {
  it("accepts a real DOCX, stores it outside public/ with its hash, and lets only its owner download it", async () => {
    const bytes = minimalDocx();
    const response = (await upload("candidate3@demo.harbor", { bytes, name: "Резюме Дмитрий.docx", type: "application/octet-stream" })) as Response;
    expect(response.status).toBe(303);
    const user = await userOf("candidate3@demo.harbor");
    const file = await db.storedFile.findFirstOrThrow({ where: { ownerUserId: user.id } });
    expect(file).toMatchObject({
      purpose: "cv",
      fileName: "Резюме Дмитрий.docx",
      contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      size: bytes.byteLength,
      sha256: crypto.createHash("sha256").update(bytes).digest("hex"),
    });
    expect(fs.existsSync(path.join(uploads, file.storageKey))).toBe(true);
    expect((await profileOf(user.id)).cvFileId).toBe(file.id);

    const own = (await run(cvLoader, getRequest(`/profile/cv/${file.id}`, { cookie: await cookieFor("candidate3@demo.harbor") }), { fileId: file.id })) as Response;
    expect(own.status).toBe(200);
    expect(own.headers.get("Content-Type")).toBe(file.contentType);
    expect(own.headers.get("Content-Disposition")).toMatch(/^attachment; filename="download\.docx"; filename\*=UTF-8''%D0%A0/);
    expect(own.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(new Uint8Array(await own.arrayBuffer())).toEqual(bytes);

    for (const other of ["candidate4@demo.harbor", "ngo@demo.harbor", "ngo-staff@demo.harbor"]) {
      const denied = (await run(cvLoader, getRequest(`/profile/cv/${file.id}`, { cookie: await cookieFor(other) }), { fileId: file.id })) as Response;
      expect(denied.status).toBe(403);
    }
    const missing = (await run(cvLoader, getRequest("/profile/cv/nope", { cookie: await cookieFor("candidate3@demo.harbor") }), { fileId: "nope" })) as Response;
    expect(missing.status).toBe(404);
  });

  it("refuses a fake PDF renamed .docx and a file over 5 MB, judged by content and size", async () => {
    const fake = (await upload("candidate4@demo.harbor", {
      bytes: new TextEncoder().encode("This is not a PDF, whatever the name says"),
      name: "cv.docx",
      type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    })) as Failure;
    expect(fake.init.status).toBe(415);
    expect(fake.data).toMatchObject({ form: "cv_upload", error: "profile:cv.wrong_type" });

    const huge = (await upload("candidate4@demo.harbor", { bytes: minimalPdf(5 * 1024 * 1024), name: "cv.pdf", type: "application/pdf" })) as Failure;
    expect(huge.init.status).toBe(413);
    expect(huge.data.error).toBe("profile:cv.too_large");

    const user = await userOf("candidate4@demo.harbor");
    expect(await db.storedFile.count({ where: { ownerUserId: user.id } })).toBe(0);
  });

  it("accepts a PDF named .docx as what it is, and replacing a CV deletes the old file", async () => {
    const user = await userOf("candidate5@demo.harbor");
    await upload("candidate5@demo.harbor", { bytes: minimalPdf(), name: "first.docx", type: "application/msword" });
    const first = await db.storedFile.findFirstOrThrow({ where: { ownerUserId: user.id } });
    expect(first).toMatchObject({ fileName: "first.pdf", contentType: "application/pdf" });

    await upload("candidate5@demo.harbor", { bytes: minimalDocx(), name: "second.docx", type: "" });
    const files = await db.storedFile.findMany({ where: { ownerUserId: user.id } });
    expect(files.map((f) => f.fileName)).toEqual(["second.docx"]);
    expect(await fileExists(first.storageKey)).toBe(false);

    await post("candidate5@demo.harbor", { intent: "cv_remove" });
    expect(await db.storedFile.count({ where: { ownerUserId: user.id } })).toBe(0);
    expect(await fileExists(files[0]?.storageKey ?? "")).toBe(false);
    expect((await profileOf(user.id)).cvFileId).toBeNull();
  });
});

describe("export", () => {
  it("gives the person all their data as a JSON attachment, without secrets", async () => {
    const cookie = await cookieFor("candidate12@demo.harbor");
    const response = (await run(exportLoader, getRequest("/profile/export", { cookie }))) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="harbor-export.json"');
    const text = await response.text();
    expect(text).not.toMatch(/passwordHash|tokenHash|scrypt/);
    const exported = JSON.parse(text) as Record<string, unknown> & {
      user: { email: string };
      profile: { nativeName: string };
      languages: unknown[];
      consents: unknown[];
      auditEvents: Array<{ action: string }>;
    };
    expect(exported.user.email).toBe("candidate12@demo.harbor");
    expect(exported.profile.nativeName).toBe("Наталія Мельник");
    expect(exported.languages).toEqual(expect.arrayContaining([{ code: "uk", level: "C2" }]));
    expect(exported.consents.length).toBeGreaterThan(0);
    expect(exported.auditEvents.map((e) => e.action)).toEqual(expect.arrayContaining(["auth.sign_in", "profile.updated"]));
    expect(Object.keys(exported)).toEqual(
      expect.arrayContaining(["user", "profile", "languages", "skills", "consents", "referrals", "files", "emails", "auditEvents"]),
    );
  });
});

describe("erasure", () => {
  it("needs the confirmation box", async () => {
    const result = (await run(deleteAction, formRequest("/profile/delete", {}, { cookie: await cookieFor("candidate6@demo.harbor") }))) as {
      init: { status: number };
      data: { error: Record<string, string[]> };
    };
    expect(result.init.status).toBe(400);
    expect(result.data.error.confirm).toEqual(["profile:delete.confirm_required"]);
    expect(await db.user.count({ where: { email: "candidate6@demo.harbor" } })).toBe(1);
  });

  it("erases the person from every table and file, withdraws the referral and tells the NGO without details", async () => {
    const email = "candidate3@demo.harbor";
    const cookie = await cookieFor(email);
    const user = await userOf(email);
    const profile = await profileOf(user.id);
    const openDoors = await db.organisation.findUniqueOrThrow({ where: { slug: "open-doors" } });
    // What the person leaves behind across the program: a referral with its invite, duplicate
    // keys and a flag, consents, a skill, emails, a CV (uploaded above).
    const referral = await db.referral.create({
      data: {
        organisationId: openDoors.id,
        externalId: "kobo-123",
        status: "registered",
        givenName: "Дмитрий",
        familyName: "Соколов",
        latinName: "Dmitrii Sokolov",
        email: "dmitrii.old@example.org",
        phone: "+420601234567",
        dateOfBirth: "1988-01-02",
        countryOfOrigin: "UA",
        currentCountry: "CZ",
        languages: '[{"code":"ru","level":"C2"}]',
        skills: `["${SKILL}"]`,
        note: "Prefers evening calls",
        candidateUserId: user.id,
      },
    });
    await db.invite.create({ data: { referralId: referral.id, tokenHash: crypto.randomBytes(32).toString("hex"), expiresAt: new Date(Date.now() + 86_400_000) } });
    await db.candidateProfile.update({ where: { id: profile.id }, data: { referralId: referral.id } });
    const other = await db.referral.create({ data: { organisationId: openDoors.id, givenName: "Дмитро", familyName: "Соколов", status: "referred" } });
    await db.personKey.createMany({ data: [{ key: "email:candidate3@demo.harbor", userId: user.id }, { key: "name:sokolov", referralId: referral.id }] });
    await db.duplicateFlag.create({ data: { referralId: other.id, matchUserId: user.id, reasons: '["name"]' } });
    await post(email, { intent: "consents", consent_share_coaches: "on" });
    await post(email, { intent: "skill_save", uri: SKILL, level: "2" });
    await db.emailMessage.create({ data: { toAddress: "dmitrii.old@example.org", template: "invite", locale: "ru", subject: "s", html: "h", text: "t", status: "outbox" } });
    await db.emailMessage.create({ data: { toAddress: email, userId: user.id, template: "verify_email", locale: "ru", subject: "s", html: "h", text: "t", status: "outbox" } });
    const files = await db.storedFile.findMany({ where: { ownerUserId: user.id } });
    expect(files.length).toBe(1);
    // The referral the demo data registered them from, and the one created above.
    const linked = (await db.referral.findMany({ where: { candidateUserId: user.id }, select: { id: true } })).map((r) => r.id);
    expect(linked).toContain(referral.id);
    expect(await db.loginAttempt.count({ where: { accountKey: keyedHash("sign-in-account", email) } })).toBeGreaterThan(0);

    const response = (await run(deleteAction, formRequest("/profile/delete", { confirm: "on" }, { cookie }))) as Response;
    expect(response.status).toBe(302);
    const location = response.headers.get("Location") ?? "";
    expect(location).toMatch(/^\/profile\/deleted\?ref=[0-9a-f-]{36}$/);
    expect(response.headers.get("Set-Cookie")).toMatch(/harbor_session=;.*Max-Age=0/i);

    const byUser = { userId: user.id };
    expect(await db.user.count({ where: { id: user.id } })).toBe(0);
    expect(await db.membership.count({ where: byUser })).toBe(0);
    expect(await db.session.count({ where: byUser })).toBe(0);
    expect(await db.verificationToken.count({ where: byUser })).toBe(0);
    expect(await db.candidateProfile.count({ where: byUser })).toBe(0);
    expect(await db.candidateLanguage.count({ where: { profileId: profile.id } })).toBe(0);
    expect(await db.candidateSkill.count({ where: { profileId: profile.id } })).toBe(0);
    expect(await db.consent.count({ where: byUser })).toBe(0);
    expect(await db.storedFile.count({ where: { ownerUserId: user.id } })).toBe(0);
    expect(await db.personKey.count({ where: { OR: [byUser, { referralId: referral.id }] } })).toBe(0);
    expect(await db.duplicateFlag.count({ where: { OR: [{ matchUserId: user.id }, { referralId: referral.id }, { matchReferralId: referral.id }] } })).toBe(0);
    expect(await db.emailMessage.count({ where: { OR: [byUser, { toAddress: { in: [email, "dmitrii.old@example.org"] } }] } })).toBe(0);
    expect(await db.loginAttempt.count({ where: { accountKey: keyedHash("sign-in-account", email) } })).toBe(0);
    expect(await db.invite.count({ where: { referralId: referral.id } })).toBe(0);
    expect(await fileExists(files[0]?.storageKey ?? "")).toBe(false);

    expect(await db.personKey.count({ where: { referralId: { in: linked } } })).toBe(0);
    for (const id of linked) {
      expect(await db.referral.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "withdrawn", givenName: "—", email: null, candidateUserId: null });
    }
    const withdrawn = await db.referral.findUniqueOrThrow({ where: { id: referral.id } });
    expect(withdrawn).toMatchObject({
      status: "withdrawn",
      givenName: "—",
      familyName: "—",
      latinName: null,
      email: null,
      phone: null,
      dateOfBirth: null,
      countryOfOrigin: null,
      currentCountry: null,
      languages: "[]",
      skills: "[]",
      note: null,
      candidateUserId: null,
      externalId: "kobo-123",
    });

    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "candidate.erased" }, orderBy: { createdAt: "desc" } });
    expect(event).toMatchObject({ actorUserId: null, targetType: "user", targetId: null });
    expect(JSON.parse(event.detail)).toMatchObject({ erasureId: new URL(location, "http://x").searchParams.get("ref"), referralsWithdrawn: linked.length });
    expect(JSON.stringify(event)).not.toMatch(new RegExp(`${user.id}|Sokolov|Соколов|candidate3`));

    // The referring NGO's admin is told, in their language, without who.
    const notice = await db.emailMessage.findFirstOrThrow({ where: { toAddress: "ngo@demo.harbor", template: "referral_withdrawn" } });
    expect(notice.locale).toBe("uk");
    expect(notice.text).toContain("http://localhost:3000/org/open-doors");
    expect(`${notice.subject} ${notice.text} ${notice.html}`).not.toMatch(/Sokolov|Соколов|Дмитрий|kobo-123|candidate3/);
    expect(await db.emailMessage.count({ where: { toAddress: "ngo-staff@demo.harbor", template: "referral_withdrawn" } })).toBe(0);

    // The old session cookie no longer works.
    const after = (await run(profileLoader, getRequest("/profile", { cookie }))) as Response;
    expect(after.headers.get("Location")).toMatch(/^\/login/);
  });
});
