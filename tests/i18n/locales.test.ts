import path from "node:path";
import { describe, expect, it } from "vitest";
import { NAMESPACES, SUPPORTED_LANGUAGES } from "~/i18n/config";
import { baseKeys, keysUsedInCode, loadCatalogue, sourceFiles, translationProblems, type Tree } from "./locale-check";

const root = path.resolve(import.meta.dirname, "../..");
const catalogue = loadCatalogue(path.join(root, "locales"), SUPPORTED_LANGUAGES, NAMESPACES);
const used = keysUsedInCode([...sourceFiles(path.join(root, "app")), ...sourceFiles(path.join(root, "server"))], NAMESPACES);

describe("translations", () => {
  it("has every key, translated, with the right plural forms and placeholders, in every language", () => {
    expect(translationProblems(catalogue)).toEqual([]);
  });

  it("has a translation for every key the code uses", () => {
    const defined = baseKeys(catalogue, "en");
    expect([...used].filter((key) => !defined.has(key))).toEqual([]);
  });

  it("has no key that no code uses", () => {
    expect([...baseKeys(catalogue, "en").keys()].filter((key) => !used.has(key))).toEqual([]);
  });

  it("would catch a key removed from Ukrainian or left in English", () => {
    const broken = structuredClone(catalogue);
    delete (broken.uk?.auth?.login as Tree).submit;
    (broken.fr?.common?.nav as Tree).dashboard = (catalogue.en?.common?.nav as Tree).dashboard as string;
    expect(translationProblems(broken)).toEqual(["uk: missing auth:login.submit", "fr: untranslated common:nav.dashboard"]);
  });
});
