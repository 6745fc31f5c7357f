// The baseline: a bare React page rendered with renderToString on node:http, no framework, no
// database, no session, no translations — the ceiling a server-rendered page can reach here.
//   node --import tsx bench/http/bare-server.tsx <port>
import http from "node:http";
import { renderToString } from "react-dom/server";
import { DashboardBody, Document, ITEMS } from "./page";

const port = Number(process.argv[2] ?? 0);
http
  .createServer((_req, res) => {
    const html =
      "<!DOCTYPE html>" +
      renderToString(
        <Document>
          <DashboardBody items={ITEMS} />
        </Document>,
      );
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(html);
  })
  .listen(port, "127.0.0.1", () => console.log("listening"));
