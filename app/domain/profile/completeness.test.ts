import { describe, expect, it } from "vitest";
import { COMPLETENESS_ITEMS, completeness, type CompletenessInput } from "./completeness";

const empty: CompletenessInput = {
  nativeName: "",
  latinName: "",
  email: null,
  phone: null,
  currentCountry: null,
  timeZone: null,
  availabilityHours: null,
  desiredRoles: [],
  languages: [],
  skills: [],
  workHistory: [],
  cv: null,
};

const full: CompletenessInput = {
  nativeName: "Олександр Коваленко",
  latinName: "Oleksandr Kovalenko",
  email: "o@example.org",
  phone: null,
  currentCountry: "PL",
  timeZone: "Europe/Warsaw",
  availabilityHours: 20,
  desiredRoles: ["Frontend developer"],
  languages: [{ code: "uk", level: "C2" }],
  skills: [{ conceptUri: "http://data.europa.eu/esco/skill/x", level: 4 }],
  workHistory: [{ id: "1" }],
  cv: { id: "file" },
};

describe("completeness", () => {
  it("lists everything for an empty profile, in order", () => {
    expect(completeness(empty)).toEqual({ percent: 0, missing: [...COMPLETENESS_ITEMS] });
  });

  it("is 100 % with nothing missing for a full profile", () => {
    expect(completeness(full)).toEqual({ percent: 100, missing: [] });
  });

  it("accepts a phone instead of an email, and 0 hours as an answer", () => {
    const result = completeness({ ...full, email: null, phone: "+380501234567", availabilityHours: 0 });
    expect(result.missing).toEqual([]);
  });

  it("says what is missing and never rounds up to 100", () => {
    const result = completeness({ ...full, cv: null });
    expect(result.missing).toEqual(["cv"]);
    expect(result.percent).toBe(90);
    expect(completeness({ ...full, skills: [], workHistory: [], desiredRoles: ["  "] })).toEqual({
      percent: 70,
      missing: ["desired_roles", "skills", "work_history"],
    });
  });

  it("needs both the native and the Latin name", () => {
    expect(completeness({ ...full, latinName: " " }).missing).toEqual(["name"]);
  });
});
