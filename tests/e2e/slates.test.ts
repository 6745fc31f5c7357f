import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { axeViolationsAt, browserForThisFile, newContext, signInThroughForm, submit } from "./browser";
import { queryDatabase } from "../setup/database";

const baseURL = inject("baseURL");
const databaseUrl = inject("databaseUrl");
const browser = browserForThisFile();
const spanish = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../locales/es/slates.json"), "utf8")) as { slate: { why: string; status: { shortlisted: string } } };

const query = <T>(sql: string, ...params: unknown[]) => queryDatabase<T>(databaseUrl, sql, ...params);

const profileIdOf = async (email: string) => (await query<{ id: string }>(`SELECT p."id" FROM "CandidateProfile" p JOIN "User" u ON u."id" = p."userId" WHERE u."email" = ?`, email))[0]?.id ?? "";
const skillUri = async (email: string, label: string) =>
  (await query<{ uri: string }>(`SELECT s."conceptUri" AS "uri" FROM "CandidateSkill" s JOIN "TaxonomyLabel" l ON l."conceptUri" = s."conceptUri" WHERE s."profileId" = ? AND l."language" = 'en' AND lower(l."label") = lower(?)`, await profileIdOf(email), label))[0]?.uri ?? "";

describe("roles and slates, without JavaScript", () => {
  it("an employer creates a role and a slate, reads it in Spanish, shortlists two and asks for an introduction; the candidate accepts in Persian; the employer sees her name", async () => {
    const employerContext = await newContext(browser(), { javaScriptEnabled: false, locale: "es" });
    const employer = await employerContext.newPage();
    await signInThroughForm(employer, baseURL, "employer@demo.harbor");

    await employer.goto(`${baseURL}/org/northwind-studio/roles/new?lng=es`);
    await employer.locator("#role-basics-title").fill("Ingeniera de pruebas de software");
    await employer.locator("#role-basics-description").fill("Pruebas manuales y automatizadas de nuestra aplicación web.");
    await submit(employer, '#role-basics button[value="basics"]');
    expect(employer.url()).toMatch(/\/org\/northwind-studio\/roles\/\w+\?saved=basics/);
    const rolePath = new URL(employer.url()).pathname;

    // Skills by search, as plain forms: software testing (Sara's) and JavaScript (Oleksandr's).
    for (const [label, owner] of [
      ["software testing", "candidate6@demo.harbor"],
      ["JavaScript", "candidate@demo.harbor"],
    ] as const) {
      const uri = await skillUri(owner, label);
      expect(uri, label).not.toBe("");
      await employer.goto(`${baseURL}${rolePath}?q=${encodeURIComponent(label)}#skills`);
      await submit(employer, `main [aria-live="polite"] form:has(input[value="${uri}"]) button[value="skill_add"]`);
    }
    await employer.locator("#new-language-level").selectOption("B1");
    await submit(employer, 'main form:has(#new-language) button[value="language_add"]');
    expect(await axeViolationsAt(browser(), employerContext, `${baseURL}${rolePath}`, "es")).toEqual([]);

    await submit(employer, 'main form:has(#slate-size) button[value="generate"]');
    expect(employer.url()).toMatch(/\/org\/northwind-studio\/slates\/\w+/);
    const slateUrl = employer.url().split("#")[0] as string;
    const slateId = new URL(slateUrl).pathname.split("/").pop() as string;
    await expect(employer.locator("html").getAttribute("lang")).resolves.toBe("es");
    await expect(employer.locator("main").textContent()).resolves.toContain(spanish.slate.why);
    // Anonymous: references only. Not in the text, nor anywhere in the document (its embedded data included).
    const people = await query<{ name: string; email: string }>(`SELECT p."latinName" AS "name", u."email" FROM "CandidateProfile" p JOIN "User" u ON u."id" = p."userId"`);
    const html = await employer.content();
    for (const { name, email } of people) {
      expect(html).not.toContain(name);
      expect(html).not.toContain(email);
    }
    expect(html).not.toContain("سارا احمدی");
    expect(await axeViolationsAt(browser(), employerContext, slateUrl, "es")).toEqual([]);

    const entryOf = async (email: string) => (await query<{ id: string }>(`SELECT "id" FROM "SlateEntry" WHERE "slateId" = ? AND "candidateProfileId" = ?`, slateId, await profileIdOf(email)))[0]?.id ?? "";
    const sara = await entryOf("candidate6@demo.harbor");
    const oleksandr = await entryOf("candidate@demo.harbor");
    expect(sara).not.toBe("");
    expect(oleksandr).not.toBe("");
    for (const entry of [sara, oleksandr]) await submit(employer, `#entry-${entry} button[value="shortlist"]`);
    await expect(employer.locator(`#entry-${oleksandr}`).textContent()).resolves.toContain(spanish.slate.status.shortlisted);
    await submit(employer, `#entry-${sara} button[value="request_introduction"]`);
    expect((await query<{ status: string }>(`SELECT "status" FROM "SlateEntry" WHERE "id" = ?`, sara))[0]?.status).toBe("introduction_requested");

    // Sara reads the request in Persian, right to left, and accepts.
    const saraContext = await newContext(browser(), { javaScriptEnabled: false, locale: "fa" });
    const saraPage = await saraContext.newPage();
    await signInThroughForm(saraPage, baseURL, "candidate6@demo.harbor");
    await saraPage.goto(`${baseURL}/introductions?lng=fa`);
    await expect(saraPage.locator("html").getAttribute("dir")).resolves.toBe("rtl");
    await expect(saraPage.locator("main").textContent()).resolves.toContain("Northwind Studio");
    expect(await axeViolationsAt(browser(), saraContext, saraPage.url(), "fa")).toEqual([]);
    await submit(saraPage, 'main button[value="accept"]');
    expect(saraPage.url()).toContain("answered=1");
    await saraContext.close();

    await employer.goto(slateUrl);
    await expect(employer.locator(`#entry-${sara}`).textContent()).resolves.toContain("سارا احمدی (Sara Ahmadi)");
    await expect(employer.locator(`#entry-${oleksandr}`).textContent()).resolves.not.toContain("Oleksandr");
    await employerContext.close();
  });
});
