// The bare page as a Remix route: data from a loader, Remix's document (meta, links, scripts).
import { Links, Meta, Scripts, useLoaderData } from "@remix-run/react";
import { DashboardBody, ITEMS } from "../../page";

export const loader = () => ({ items: ITEMS });

export default function App() {
  const { items } = useLoaderData<typeof loader>();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Dashboard</title>
        <Meta />
        <Links />
      </head>
      <body>
        <DashboardBody items={items} />
        <Scripts />
      </body>
    </html>
  );
}
