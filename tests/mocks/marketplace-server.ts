// A test marketplace on 127.0.0.1: checks the signature, counts every attempt, applies each
// placement (Idempotency-Key) once, and can be told how to answer each attempt (fail, stall, 429).
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { verify } from "~/domain/placements/webhooks";

export type Answer = { status: number; retryAfter?: string; stallMs?: number };

export interface TestMarketplace {
  url: string;
  /** Every request that reached it, in arrival order. */
  attempts: Array<{ key: string; employerId: string; signed: boolean }>;
  /** The first effect of each key, in the order they took effect. */
  applied: Array<{ key: string; employerId: string }>;
  /** How to answer the n-th attempt (0-based); unscripted attempts succeed. */
  script: (attempt: number) => Answer | undefined;
  close(): Promise<void>;
}

export async function startTestMarketplace(secret: string): Promise<TestMarketplace> {
  const marketplace: TestMarketplace = { url: "", attempts: [], applied: [], script: () => undefined, close: async () => {} };
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const header = (name: string) => (req.headers[name] as string | undefined) ?? null;
      const signed = verify(secret, { id: header("webhook-id"), timestamp: header("webhook-timestamp"), signature: header("webhook-signature") }, body, Math.floor(Date.now() / 1000)).ok;
      const key = header("idempotency-key") ?? "";
      const employerId = (JSON.parse(body || "{}") as { employer?: { id?: string } }).employer?.id ?? "";
      const attempt = marketplace.attempts.length;
      marketplace.attempts.push({ key, employerId, signed });
      const answer = marketplace.script(attempt) ?? { status: 201 };
      const respond = () => {
        if (res.destroyed) return;
        res.setHeader("Content-Type", "application/json");
        if (answer.retryAfter) res.setHeader("Retry-After", answer.retryAfter);
        res.statusCode = answer.status;
        res.end(JSON.stringify({ attempt }));
      };
      if (!signed || req.url !== "/placements") {
        res.statusCode = 401;
        res.end("{}");
        return;
      }
      // A success applies the placement once; the same key again is "already have it".
      if (answer.status >= 200 && answer.status < 300) {
        if (marketplace.applied.some((a) => a.key === key)) answer.status = 409;
        else marketplace.applied.push({ key, employerId });
      }
      if (answer.stallMs) setTimeout(respond, answer.stallMs);
      else respond();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  marketplace.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  marketplace.close = () =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return marketplace;
}
