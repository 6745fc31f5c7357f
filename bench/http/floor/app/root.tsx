// The bare page as a Remix route: data from a loader, Remix's document (meta, links, scripts).
import { Links, Meta, Scripts, useLoaderData } from "@remix-run/react";
import { DashboardBody, Document, ITEMS } from "../../page";

export const loader = () => ({ items: ITEMS });

export default function App() {
  const { items } = useLoaderData<typeof loader>();
  return (
    <Document
      head={
        <>
          <Meta />
          <Links />
        </>
      }
    >
      <DashboardBody items={items} />
      <Scripts />
    </Document>
  );
}
