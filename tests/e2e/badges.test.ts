import { describe, expect, inject, it } from "vitest";
import { axeViolationsAt, browserForThisFile, newContext, signInThroughForm, submit } from "./browser";
import { queryDatabase } from "../setup/database";

const baseURL = inject("baseURL");
const databaseUrl = inject("databaseUrl");
const browser = browserForThisFile();

async function assessorOfLatestRequest(): Promise<string> {
  const [row] = await queryDatabase<{ email: string }>(databaseUrl, `SELECT u."email" FROM "AssessmentRequest" r JOIN "User" u ON u."id" = r."assessorUserId" ORDER BY r."createdAt" DESC LIMIT 1`);
  if (!row) throw new Error("the request was not routed to an assessor");
  return row.email;
}

describe("certification, without JavaScript", () => {
  it("a candidate submits evidence in Arabic, an assessor passes it, the candidate opens the public page and downloads the credential", async () => {
    const candidateContext = await newContext(browser(), { javaScriptEnabled: false, locale: "ar" });
    const candidate = await candidateContext.newPage();
    await signInThroughForm(candidate, baseURL, "candidate4@demo.harbor");
    await candidate.goto(`${baseURL}/certification/customer-support-english?lng=ar`);
    await expect(candidate.locator("html").getAttribute("dir")).resolves.toBe("rtl");
    expect(await axeViolationsAt(browser(), candidateContext, candidate.url(), "ar")).toEqual([]);
    await candidate.locator("#statement").fill("عملت ثلاث سنوات في دعم العملاء لشركة اتصالات، بالعربية والإنجليزية.");
    await candidate.locator("#links").fill("https://example.org/support-samples");
    await submit(candidate, "main form[enctype] button[type=submit]");
    expect(candidate.url()).toContain("/certification?submitted=1");
    expect(await axeViolationsAt(browser(), candidateContext, candidate.url(), "ar")).toEqual([]);

    const assessorEmail = await assessorOfLatestRequest();
    const assessorContext = await newContext(browser(), { javaScriptEnabled: false });
    const assessor = await assessorContext.newPage();
    await signInThroughForm(assessor, baseURL, assessorEmail);
    await assessor.goto(`${baseURL}/assess?lng=en`);
    await Promise.all([assessor.waitForEvent("load"), assessor.locator("main ul a[href^='/assess/']").first().click()]);
    await expect(assessor.locator("main").textContent()).resolves.toContain("عملت ثلاث سنوات");
    expect(await axeViolationsAt(browser(), assessorContext, assessor.url())).toEqual([]);
    for (const box of await assessor.locator("input[name=checked]").all()) await box.check();
    await assessor.locator("#feedback").fill("Clear, kind answers. Well done.");
    await submit(assessor, 'main button[value="pass"]');
    expect(assessor.url()).toContain("/assess?decided=pass");
    await assessorContext.close();

    await candidate.goto(`${baseURL}/certification?lng=ar`);
    await Promise.all([candidate.waitForEvent("load"), candidate.locator("#awards-heading ~ ul a[href^='/badges/']").first().click()]);
    await expect(candidate.locator("[data-testid=badge-state]").textContent()).resolves.toBe("صالحة");
    expect(await axeViolationsAt(browser(), candidateContext, candidate.url(), "ar")).toEqual([]);
    const href = await candidate.locator("a[href$='/credential']").getAttribute("href");
    const download = await candidate.request.get(href!);
    expect(download.headers()["content-type"]).toBe("application/vc+jwt");
    const jwt = await download.text();
    expect(jwt.split(".")).toHaveLength(3);
    const credential = JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString()) as { type: string[]; credentialSubject: { id: string } };
    expect(credential.type).toContain("OpenBadgeCredential");
    expect(credential.credentialSubject.id).toMatch(/^urn:uuid:/);
    await candidateContext.close();
  });
});
