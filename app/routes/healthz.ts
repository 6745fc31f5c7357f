import { databaseAnswers } from "~/utils/db.server";

/** Liveness for load balancers: 200 once the database answers, 503 otherwise. Public by design. */
export async function loader() {
  const ok = await databaseAnswers();
  return Response.json(ok ? { status: "ok" } : { status: "unavailable" }, {
    status: ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
