// The baseline: a bare React page rendered with renderToString on node:http, no framework, no
// database, no session, no translations — the ceiling a server-rendered page can reach here.
// Its markup is about the size of Harbor's candidate dashboard: a header, navigation and a list.
//   node --import tsx bench/http/bare-server.tsx <port>
import http from "node:http";
import { renderToString } from "react-dom/server";

const ITEMS = Array.from({ length: 25 }, (_, i) => ({ id: i, title: `Item ${i + 1}`, detail: `Detail line for item ${i + 1}, as long as a typical one.` }));

function Page() {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Dashboard</title>
      </head>
      <body>
        <header>
          <nav aria-label="Main">
            <ul>
              {["Dashboard", "Profile", "Certification", "Coaching", "Introductions", "Inbox"].map((label) => (
                <li key={label}>
                  <a href={`/${label.toLowerCase()}`}>{label}</a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main>
          <h1>Welcome back</h1>
          <ul>
            {ITEMS.map((item) => (
              <li key={item.id}>
                <h2>{item.title}</h2>
                <p>{item.detail}</p>
              </li>
            ))}
          </ul>
        </main>
      </body>
    </html>
  );
}

const port = Number(process.argv[2] ?? 0);
http
  .createServer((_req, res) => {
    const html = "<!DOCTYPE html>" + renderToString(<Page />);
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(html);
  })
  .listen(port, "127.0.0.1", () => console.log("listening"));
