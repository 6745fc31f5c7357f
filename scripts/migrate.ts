// The release step for several instances: `npm run db:migrate` once, then start them with
// MIGRATE_ON_START=false (README, "Deploying").
import { prepareDatabase } from "../server/prepare-database";
import { env } from "../app/utils/env.server";
import { db } from "../app/utils/db.server";

await prepareDatabase(env().NODE_ENV === "production");
await db.$disconnect();
