import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";
import crypto from "node:crypto";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a state-changing request comes from another origin. Browsers send `Origin` on POST
 * and `Sec-Fetch-Site` on every request; either one naming another site is refused. The origin
 * must name this very host (as Remix's own check expects, so it never gets to throw a 500).
 * Requests with neither header (curl, partner servers using tokens) are not browser-driven, so
 * no cookie can be abused through them.
 */
export function isCrossOriginWrite(method: string, headers: { origin?: string; secFetchSite?: string; host?: string }): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (headers.secFetchSite && !["same-origin", "none"].includes(headers.secFetchSite)) return true;
  if (!headers.origin) return false;
  try {
    return new URL(headers.origin).host !== headers.host;
  } catch {
    return true; // "null" (sandboxed documents) or garbage
  }
}

/** Security headers (helmet), with a fresh CSP nonce per response for Remix's inline scripts. */
export function securityHeaders(production: boolean) {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: production ? [] : null,
      },
    },
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // same-origin, not no-referrer: with no-referrer browsers send `Origin: null` on form posts,
    // which the cross-origin check must refuse. Other sites still get no referrer.
    referrerPolicy: { policy: "same-origin" },
    crossOriginEmbedderPolicy: false,
  });
  return (req: Request, res: Response, next: NextFunction) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
    headers(req, res, next);
  };
}

export function rejectCrossOriginWrites() {
  return (req: Request, res: Response, next: NextFunction) => {
    const crossOrigin = isCrossOriginWrite(req.method, {
      origin: req.get("origin"),
      secFetchSite: req.get("sec-fetch-site"),
      host: req.get("x-forwarded-host")?.split(",")[0]?.trim() || req.get("host"),
    });
    if (crossOrigin) {
      res.status(403).type("text/plain").send("Cross-origin request refused");
      return;
    }
    next();
  };
}

/** Caps request bodies: a declared length over the cap is refused at once, a streamed one when it passes it. */
export function limitBodySize(maxBytes: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    const declared = Number(req.get("content-length") ?? 0);
    if (declared > maxBytes) {
      res.status(413).type("text/plain").send("Request body too large");
      return;
    }
    let received = 0;
    req.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes && !res.headersSent) {
        res.status(413).type("text/plain").send("Request body too large");
        req.destroy();
      }
    });
    next();
  };
}
