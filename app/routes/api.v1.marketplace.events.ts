import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveMarketplaceEvent } from "~/models/placements.server";

/** The marketplace's contract callbacks (shared contract): authorised by their signature alone. */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return Response.json({ error: "method not allowed" }, { status: 405 });
  return receiveMarketplaceEvent(request);
}

export function loader() {
  return Response.json({ error: "method not allowed" }, { status: 405 });
}
