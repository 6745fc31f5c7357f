import type { Role } from "~/domain/auth/roles";
import { db } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { normaliseEmail } from "./account.server";

export interface NewUser {
  email: string;
  displayName: string;
  password?: string;
  locale?: string;
  verified?: boolean;
  memberships: Array<{ organisationId: string; role: Role }>;
}

/** Creates a user with their memberships (used by the seed and by tests). */
export async function createUser(input: NewUser) {
  return db.user.create({
    data: {
      email: normaliseEmail(input.email),
      displayName: input.displayName,
      locale: input.locale ?? "en",
      emailVerifiedAt: input.verified === false ? null : new Date(),
      passwordHash: input.password ? await hashPassword(input.password) : null,
      memberships: { create: input.memberships },
    },
    select: { id: true, email: true },
  });
}
