// The page both baselines render: about the size of Harbor's candidate dashboard (a header,
// navigation and a list of 25 items).
import type { ReactNode } from "react";

export type Item = { id: number; title: string; detail: string };

export const ITEMS: Item[] = Array.from({ length: 25 }, (_, i) => ({ id: i, title: `Item ${i + 1}`, detail: `Detail line for item ${i + 1}, as long as a typical one.` }));

export function DashboardBody({ items }: { items: Item[] }) {
  return (
    <>
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
          {items.map((item) => (
            <li key={item.id}>
              <h2>{item.title}</h2>
              <p>{item.detail}</p>
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}

export function Document({ head, children }: { head?: ReactNode; children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Dashboard</title>
        {head}
      </head>
      <body>{children}</body>
    </html>
  );
}
