import { describe, expect, it } from "vitest";
import { decide, type Actor } from "./permissions";

const ngoA = "org-ngo-a";
const ngoB = "org-ngo-b";
const actor = (role: Actor["memberships"][number]["role"], organisationId = ngoA): Actor => ({
  userId: `user-${role}`,
  memberships: [{ role, organisationId }],
});

describe("decide", () => {
  it("lets NGO staff view their own organisation only", () => {
    expect(decide(actor("ngo_staff"), "organisation.view", ngoA)).toEqual({ allowed: true });
    expect(decide(actor("ngo_staff"), "organisation.view", ngoB)).toEqual({
      allowed: false,
      reason: "other_organisation",
    });
  });

  it("refuses a scoped permission without an organisation", () => {
    expect(decide(actor("ngo_admin"), "organisation.view")).toEqual({ allowed: false, reason: "missing_scope" });
  });

  it("lets only NGO admins manage staff", () => {
    expect(decide(actor("ngo_admin"), "organisation.manage_staff", ngoA).allowed).toBe(true);
    expect(decide(actor("ngo_staff"), "organisation.manage_staff", ngoA)).toEqual({
      allowed: false,
      reason: "missing_role",
    });
  });

  it("keeps candidates out of admin pages and lets admins in everywhere", () => {
    expect(decide(actor("candidate", "program"), "admin.view")).toEqual({ allowed: false, reason: "missing_role" });
    expect(decide(actor("admin", "program"), "admin.view")).toEqual({ allowed: true });
    expect(decide(actor("admin", "program"), "organisation.view", ngoB)).toEqual({ allowed: true });
  });

  it("does not let an employer act as an NGO admin of its own organisation", () => {
    expect(decide(actor("employer", ngoA), "organisation.manage_staff", ngoA).allowed).toBe(false);
  });
});
