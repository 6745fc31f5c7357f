import { describe, expect, it } from "vitest";
import { pipelineProgress } from "./pipeline";

describe("pipelineProgress", () => {
  it("marks earlier stages done and later ones to come", () => {
    expect(pipelineProgress("certified").map((s) => s.state)).toEqual(["done", "done", "current", "next", "next", "next"]);
  });
  it("starts at referral", () => {
    expect(pipelineProgress("referred")[0]).toEqual({ stage: "referred", state: "current" });
  });
});
