import { describe, expect, inject, it } from "vitest";
import { axeViolationsAt, browserForThisFile, newContext, signInThroughForm, submit } from "./browser";
import { queryDatabase } from "../setup/database";

const baseURL = inject("baseURL");
const databaseUrl = inject("databaseUrl");
const browser = browserForThisFile();

const query = <T>(sql: string, ...params: unknown[]) => queryDatabase<T>(databaseUrl, sql, ...params);

type Line = { id: string; candidateProfileId: string; coachEmail: string | null; status: string };
const linesOf = (runId: string) =>
  query<Line>(`SELECT m."id", m."candidateProfileId", u."email" AS "coachEmail", m."status" FROM "CoachMatch" m LEFT JOIN "User" u ON u."id" = m."coachUserId" WHERE m."runId" = ?`, runId);

describe("coach matching, without JavaScript", () => {
  it("admin runs and publishes; one coach accepts in Arabic and logs a session, another declines; the rematch avoids the decliner", async () => {
    const adminContext = await newContext(browser(), { javaScriptEnabled: false });
    const admin = await adminContext.newPage();
    await signInThroughForm(admin, baseURL, "admin@demo.harbor");
    await admin.goto(`${baseURL}/admin/matching?lng=en`);
    await submit(admin, "main form button[type=submit]");
    expect(admin.url()).toMatch(/\/admin\/matching\/\w+/);
    const runId = admin.url().split("/").pop()!.split(/[?#]/)[0]!;
    await expect(admin.locator("main h1").textContent()).resolves.toBe("Review the matching");
    // The proposal beats first come, first served or equals it, and says so.
    await expect(admin.locator("main").textContent()).resolves.toMatch(/Compared with first come, first served/);
    // Solved exactly, and proven: the proposal reaches the whole of the best possible total.
    await expect(admin.getByTestId("score-bound").textContent()).resolves.toMatch(/can be at most [\d,]+ .*reaches 100% of that/);
    expect(await axeViolationsAt(browser(), adminContext, admin.url())).toEqual([]);
    await submit(admin, 'main button[value="publish"]');
    await expect(admin.locator("main").textContent()).resolves.toMatch(/Published/);

    const offers = (await linesOf(runId)).filter((l) => l.status === "offered");
    const karims = offers.find((l) => l.coachEmail === "coach2@demo.harbor");
    const lenas = offers.find((l) => l.coachEmail === "coach@demo.harbor");
    expect(karims, "an offer for Karim").toBeTruthy();
    expect(lenas, "an offer for Lena").toBeTruthy();

    // Karim works in Arabic: the page is right to left, and he accepts.
    const karimContext = await newContext(browser(), { javaScriptEnabled: false, locale: "ar" });
    const karim = await karimContext.newPage();
    await signInThroughForm(karim, baseURL, "coach2@demo.harbor");
    await karim.goto(`${baseURL}/coach?lng=ar`);
    await expect(karim.locator("html").getAttribute("dir")).resolves.toBe("rtl");
    expect(await axeViolationsAt(browser(), karimContext, karim.url(), "ar")).toEqual([]);
    await submit(karim, `main form:has(input[value="${karims!.id}"]) button[value="accept"]`);
    await karim.goto(`${baseURL}/coach/matches/${karims!.id}?lng=ar`);
    await karim.locator("#session-form-heldOn").fill("2026-12-01");
    await karim.locator("#session-form-notes").fill("ملاحظات خاصة عن الجلسة الأولى");
    await karim.locator("#session-form-actionItems").fill("تحديث السيرة الذاتية\nالتقديم على وظيفتين");
    await submit(karim, "#session-form button[type=submit]");
    await expect(karim.locator("#sessions").textContent()).resolves.toContain("ملاحظات خاصة عن الجلسة الأولى");
    expect(await axeViolationsAt(browser(), karimContext, karim.url(), "ar")).toEqual([]);
    await karimContext.close();

    // Lena declines hers.
    const lenaContext = await newContext(browser(), { javaScriptEnabled: false });
    const lena = await lenaContext.newPage();
    await signInThroughForm(lena, baseURL, "coach@demo.harbor");
    await lena.goto(`${baseURL}/coach?lng=en`);
    await submit(lena, `main form:has(input[value="${lenas!.id}"]) button[value="decline"]`);
    await expect(lena.locator(`main input[value="${lenas!.id}"]`).count()).resolves.toBe(0);
    await lenaContext.close();

    // The next run proposes someone else for the person Lena declined.
    await admin.goto(`${baseURL}/admin/matching?lng=en`);
    await submit(admin, "main form button[type=submit]");
    const rematchId = admin.url().split("/").pop()!.split(/[?#]/)[0]!;
    const rematched = (await linesOf(rematchId)).find((l) => l.candidateProfileId === lenas!.candidateProfileId);
    expect(rematched).toBeTruthy();
    expect(rematched!.coachEmail).not.toBe("coach@demo.harbor");
    await adminContext.close();

    // Karim's candidate sees their coach and the action items — never the notes.
    const [candidate] = await query<{ email: string; locale: string }>(
      `SELECT u."email", u."locale" FROM "CandidateProfile" p JOIN "User" u ON u."id" = p."userId" WHERE p."id" = ?`,
      karims!.candidateProfileId,
    );
    const personContext = await newContext(browser(), { javaScriptEnabled: false });
    const person = await personContext.newPage();
    await signInThroughForm(person, baseURL, candidate!.email);
    await person.goto(`${baseURL}/coaching?lng=${candidate!.locale}`);
    const text = await person.locator("main").textContent();
    expect(text).toContain("Karim Nasser");
    expect(text).toContain("تحديث السيرة الذاتية");
    expect(text).not.toContain("ملاحظات خاصة");
    expect(await axeViolationsAt(browser(), personContext, person.url())).toEqual([]);
    await personContext.close();
  });
});
