// A stand-in for Resend's HTTP API on 127.0.0.1: records what Harbor sends, can be told to fail.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeResend {
  url: string;
  sent: Array<{ from: string; to: string | string[]; subject: string; html: string; text: string }>;
  failNext(status: number): void;
  close(): Promise<void>;
}

export async function startFakeResend(): Promise<FakeResend> {
  const sent: FakeResend["sent"] = [];
  let failures: number[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const status = failures.shift();
      res.setHeader("Content-Type", "application/json");
      if (req.method !== "POST" || req.url !== "/emails" || !req.headers.authorization?.startsWith("Bearer ")) {
        res.statusCode = 404;
        res.end(JSON.stringify({ name: "not_found", message: "Not found", statusCode: 404 }));
      } else if (status) {
        res.statusCode = status;
        res.end(JSON.stringify({ name: "internal_server_error", message: "Provider unavailable", statusCode: status }));
      } else {
        sent.push(JSON.parse(body));
        res.end(JSON.stringify({ id: `fake-${sent.length}` }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    failNext: (status) => (failures = [...failures, status]),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
