import { describe, expect, it } from "vitest";
import type { Actor } from "~/domain/auth/permissions";
import { mayAccessProfile, type ConsentState, type Subject } from "./consent";

const none: ConsentState = { share_employers: false, share_coaches: false, share_referring_ngo: false, contact_email: false, contact_phone: false };
const subject = (consents: Partial<ConsentState> = {}): Subject => ({
  userId: "cand-1",
  referringOrganisationId: "ngo-a",
  consents: { ...none, ...consents },
});
const actor = (role: Actor["memberships"][number]["role"], organisationId = "program", userId = `u-${role}`): Actor => ({
  userId,
  memberships: [{ role, organisationId }],
});

describe("mayAccessProfile", () => {
  it("always lets the candidate see themselves", () => {
    expect(mayAccessProfile(actor("candidate", "program", "cand-1"), subject(), "self")).toEqual({ allowed: true });
    expect(mayAccessProfile(actor("candidate", "program", "cand-2"), subject(), "self").allowed).toBe(false);
  });

  it("lets the referring NGO see the profile only with that consent", () => {
    expect(mayAccessProfile(actor("ngo_staff", "ngo-a"), subject(), "referring_ngo")).toEqual({ allowed: false, reason: "no_consent" });
    expect(mayAccessProfile(actor("ngo_staff", "ngo-a"), subject({ share_referring_ngo: true }), "referring_ngo")).toEqual({ allowed: true });
  });

  it("never lets another NGO in, consent or not", () => {
    expect(mayAccessProfile(actor("ngo_admin", "ngo-b"), subject({ share_referring_ngo: true }), "referring_ngo").allowed).toBe(false);
  });

  it("requires the coach consent for coaches and the employer consent for employers", () => {
    expect(mayAccessProfile(actor("coach"), subject({ share_employers: true }), "coaching")).toEqual({ allowed: false, reason: "no_consent" });
    expect(mayAccessProfile(actor("coach"), subject({ share_coaches: true }), "coaching")).toEqual({ allowed: true });
    expect(mayAccessProfile(actor("employer", "emp-1"), subject({ share_coaches: true }), "employer_review").allowed).toBe(false);
    expect(mayAccessProfile(actor("employer", "emp-1"), subject({ share_employers: true }), "employer_review").allowed).toBe(true);
  });

  it("keeps people without the role out whatever the consent", () => {
    expect(mayAccessProfile(actor("candidate", "program", "cand-9"), subject({ share_coaches: true }), "coaching")).toEqual({ allowed: false, reason: "missing_role" });
    expect(mayAccessProfile(actor("ngo_staff", "ngo-a"), subject(), "program")).toEqual({ allowed: false, reason: "missing_role" });
  });
});
