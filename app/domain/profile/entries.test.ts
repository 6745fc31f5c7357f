import { describe, expect, it } from "vitest";
import { parseHistory, parseStringList, sortHistory, splitList } from "./entries";
import { isLanguageCode, isTimeZone, timeZonesOfCountries } from "./languages";

describe("splitList", () => {
  it("splits on lines and commas (Latin and Arabic), trims and drops repeats", () => {
    expect(splitList("Web developer, translator\n\n  web  developer ,Designer")).toEqual(["Web developer", "translator", "Designer"]);
    expect(splitList("مترجم، مصمم؛ مترجم")).toEqual(["مترجم", "مصمم"]);
    expect(splitList("  ")).toEqual([]);
  });
});

describe("stored entries", () => {
  it("skips what is malformed instead of failing the page", () => {
    expect(parseHistory("not json")).toEqual([]);
    expect(parseHistory('[{"id":"a","title":"Dev","from":"2020"},{"title":"no id"},3]')).toEqual([
      { id: "a", title: "Dev", organisation: "", from: "2020", to: null, description: "" },
    ]);
    expect(parseStringList('["https://a.example", 4, null]')).toEqual(["https://a.example"]);
  });

  it("puts what is still going on first, then the most recent", () => {
    const entry = (id: string, from: string, to: string | null) => ({ id, title: id, organisation: "", from, to, description: "" });
    expect(sortHistory([entry("old", "2015-01", "2017-03"), entry("now", "2019-05", null), entry("mid", "2018", "2019")]).map((e) => e.id)).toEqual([
      "now",
      "mid",
      "old",
    ]);
  });
});

describe("languages and time zones", () => {
  it("offers Dari and Sorani besides ISO 639-1", () => {
    expect(isLanguageCode("prs")).toBe(true);
    expect(isLanguageCode("ckb")).toBe(true);
    expect(isLanguageCode("uk")).toBe(true);
    expect(isLanguageCode("xx")).toBe(false);
  });

  it("suggests the time zones of a person's countries", () => {
    expect(timeZonesOfCountries(["PL", null, "not a country"])).toEqual(["Europe/Warsaw"]);
    expect(timeZonesOfCountries(["AF", "PL"])).toEqual(["Asia/Kabul", "Europe/Warsaw"]);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});
