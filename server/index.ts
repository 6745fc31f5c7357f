// Harbor's HTTP server: migrations and first-start data, security middleware, then the Remix app.
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { badgeKeys } from "../app/utils/badge-keys.server";
import { env } from "../app/utils/env.server";
import { prepareDatabase } from "./prepare-database";
import { limitBodySize, rejectCrossOriginWrites, securityHeaders } from "./security";

const root = path.resolve(import.meta.dirname, "..");

async function main() {
  const config = env(); // fails here, with every problem listed, before anything starts
  const production = config.NODE_ENV === "production";
  badgeKeys(); // a malformed signing key stops the start too, not the first badge

  // One instance: migrate on start. Several: a release step runs `npm run db:migrate` once.
  if (config.MIGRATE_ON_START) await prepareDatabase(production);
  {
    const build = (await import(pathToFileURL(path.join(root, "build/index.js")).href)) as ServerBuild;

    const app = express();
    app.disable("x-powered-by");
    app.set("trust proxy", process.env.TRUST_PROXY === "1" ? 1 : false);
    app.use(compression());
    app.use(securityHeaders(production));
    // Browsers ask for /favicon.ico whatever the page links; the icon is an SVG.
    app.get("/favicon.ico", (_req, res) => res.redirect(301, "/favicon.svg"));
    app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));
    // Translations for the browser (the server reads the same files).
    app.use("/locales", express.static(path.join(root, "locales"), { maxAge: "1h" }));
    app.use(rejectCrossOriginWrites());
    app.use(limitBodySize(config.MAX_BODY_BYTES));
    app.all(
      "*",
      createRequestHandler({
        build,
        mode: config.NODE_ENV,
        getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce as string, clientAddress: req.ip ?? "unknown" }),
      }),
    );

    const server = app.listen(config.PORT, config.HOST, () => {
      console.log(`Harbor listening on http://${config.HOST === "0.0.0.0" ? "localhost" : config.HOST}:${config.PORT}`);
    });
    const stopBackgroundWork = (build.entry.module as { startBackgroundWork?: () => () => void }).startBackgroundWork?.();
    const stop = () => {
      stopBackgroundWork?.();
      server.close(() => process.exit(0));
    };
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
