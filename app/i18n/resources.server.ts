import fs from "node:fs";
import path from "node:path";
import type { Resource, ResourceLanguage } from "i18next";
import { NAMESPACES, SUPPORTED_LANGUAGES } from "./config";

/** All translations, read once from locales/<lng>/<ns>.json (they ship beside the build). */
function loadResources(): Resource {
  const root = path.resolve(process.cwd(), "locales");
  const resources: Resource = {};
  for (const lng of SUPPORTED_LANGUAGES) {
    const language: ResourceLanguage = {};
    for (const ns of NAMESPACES) {
      language[ns] = JSON.parse(fs.readFileSync(path.join(root, lng, `${ns}.json`), "utf8"));
    }
    resources[lng] = language;
  }
  return resources;
}

export const resources: Resource = loadResources();
