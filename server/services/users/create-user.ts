import type { RoleName } from "../../auth/roles";
import { hashPassword } from "../../auth/password";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import { userAdminSelect, type UserAdminDto } from "./dto";

interface NewUserFields {
  email: string;
  name: string;
  organisation: string;
  role: RoleName;
}

/** Pass `passwordHash` when creating inside a transaction: hashing takes long enough to hold it up. */
export type NewUser = NewUserFields & ({ password: string } | { passwordHash: string });

/** Creates an account with a hashed password; used by invitations, the admin CLI and the seed. */
export async function createUser(input: NewUser, tx: Tx = db()): Promise<UserAdminDto> {
  const email = input.email.trim().toLowerCase();
  if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw new AppError("EMAIL_TAKEN");
  return tx.user.create({
    data: {
      email,
      name: input.name.trim(),
      organisation: input.organisation.trim(),
      role: input.role,
      passwordHash: "passwordHash" in input ? input.passwordHash : await hashPassword(input.password),
    },
    select: userAdminSelect,
  });
}
