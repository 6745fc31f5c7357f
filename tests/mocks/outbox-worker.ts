// An outbox worker in its own process (for the SIGKILL test): one delivery pass to the marketplace at argv[2].
import { deliverDue } from "~/models/outbox.server";
import { httpTransport } from "~/services/marketplace.server";

const baseUrl = process.argv[2] ?? "";
await deliverDue({ baseUrl, transport: httpTransport(60_000) });
process.exit(0);
