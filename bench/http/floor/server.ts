// Serves the framework floor's build (after `remix build bench/http/floor`) the way Harbor is
// served, Express and Remix's request handler, with nothing else.
//   node --import tsx bench/http/floor/server.ts <port>
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";

const build = (await import(pathToFileURL(path.join(import.meta.dirname, "build/index.js")).href)) as ServerBuild;
const app = express();
app.disable("x-powered-by");
app.all("*", createRequestHandler({ build, mode: "production" }));
app.listen(Number(process.argv[2] ?? 0), "127.0.0.1", () => console.log("listening"));
