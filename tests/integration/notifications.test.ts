import { describe, expect, it } from "vitest";
import { loader as rootLoader } from "~/root";
import { action as inboxAction, loader as inboxLoader } from "~/routes/inbox";
import { notifyPerson, recipientSelect } from "~/services/email.server";
import { db } from "~/utils/db.server";
import { cookieFor, formRequest, getRequest, runRoute as run, type RouteArgs } from "./context";

const get = async (fn: (args: RouteArgs) => Promise<unknown>, email: string, path: string) => run(fn, getRequest(path, { cookie: await cookieFor(email) }));
const post = async (fn: (args: RouteArgs) => Promise<unknown>, email: string, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
  return run(fn, new Request("http://localhost:3000/inbox", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: await cookieFor(email) }, body }));
};
const person = (email: string) => db.user.findUniqueOrThrow({ where: { email }, select: recipientSelect });
const offerEmail = (subject: string) => () => ({ subject, html: "<p>x</p>", text: "x" });
const unread = async (email: string) => ((await get(rootLoader, email, "/dashboard")) as { user: { unread: number } }).user.unread;

describe("the inbox", () => {
  it("gets every event, counts unread in the header, and opening one marks it read and goes where to act", async () => {
    const layla = await person("candidate4@demo.harbor");
    expect(await unread(layla.email ?? "")).toBe(0);
    await notifyPerson(layla, "offer_made", "/introductions", offerEmail("عرض من Northwind Studio"));
    await notifyPerson(layla, "placement_status", "/dashboard", offerEmail("بدأ عقدك"));
    expect(await unread(layla.email ?? "")).toBe(2);
    const { notifications } = (await get(inboxLoader, layla.email ?? "", "/inbox")) as { notifications: Array<{ id: string; title: string; link: string }> };
    expect(notifications.map((n) => n.title)).toEqual(["بدأ عقدك", "عرض من Northwind Studio"]);

    const opened = (await post(inboxAction, layla.email ?? "", { intent: "open", id: notifications[1]?.id ?? "" })) as Response;
    expect(opened.headers.get("Location")).toBe("/introductions");
    expect(await unread(layla.email ?? "")).toBe(1);
    // Someone else's notification cannot be opened (nor marked read) by another account.
    const other = (await post(inboxAction, "candidate5@demo.harbor", { intent: "open", id: notifications[0]?.id ?? "" })) as Response;
    expect(other.headers.get("Location")).toBe("/inbox");
    expect(await unread(layla.email ?? "")).toBe(1);
    await post(inboxAction, layla.email ?? "", { intent: "read_all" });
    expect(await unread(layla.email ?? "")).toBe(0);
  });

  it("emails by default, not once the person switches a kind off, and never without contact consent — the inbox still gets it", async () => {
    const omar = await person("candidate5@demo.harbor");
    const sentTo = () => db.emailMessage.count({ where: { toAddress: omar.email ?? "", template: "offer_made" } });
    await notifyPerson(omar, "offer_made", "/introductions", offerEmail("Offer 1"));
    expect(await sentTo()).toBe(1);
    const categories = ["coaching", "certification", "introductions", "placements", "reminders", "handoffs"]; // offers off
    expect(((await post(inboxAction, omar.email ?? "", { intent: "preferences", email: categories })) as Response).status).toBe(303);
    const { preferences } = (await get(inboxLoader, omar.email ?? "", "/inbox")) as { preferences: Record<string, boolean> };
    expect(preferences).toMatchObject({ offers: false, placements: true });
    await notifyPerson(omar, "offer_made", "/introductions", offerEmail("Offer 2"));
    await notifyPerson(omar, "placement_status", "/dashboard", offerEmail("Started"), { email: false });
    expect(await sentTo()).toBe(1);
    expect(await db.emailMessage.count({ where: { toAddress: omar.email ?? "", template: "placement_status" } })).toBe(0);
    expect(await db.notification.count({ where: { userId: omar.id } })).toBe(3);
  });

  it("is only for signed-in people", async () => {
    const anonymous = (await run(inboxLoader, getRequest("/inbox"))) as Response;
    expect(anonymous.status).toBe(302);
    const posted = (await run(inboxAction, formRequest("/inbox", { intent: "read_all" }))) as Response;
    expect(posted.status).toBe(302);
  });
});
