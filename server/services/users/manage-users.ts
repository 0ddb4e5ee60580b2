import { assertCan, type Actor } from "../../auth/policy";
import { db, type Tx } from "../../db";
import { AppError } from "../../errors";
import { setActiveSchema, setRoleSchema } from "../../schemas/user";
import { recordAudit } from "../audit/record-audit";
import { userAdminSelect, type UserAdminDto } from "./dto";

export interface UserChange {
  user: UserAdminDto;
  /** set when the user's open sessions and sockets must end now */
  endSessions: boolean;
}

export async function listUsers(actor: Actor | null): Promise<UserAdminDto[]> {
  assertCan(actor, "user.manage");
  return db().user.findMany({ select: userAdminSelect, orderBy: [{ name: "asc" }, { email: "asc" }] });
}

async function assertAnotherAdminRemains(tx: Tx, userId: string): Promise<void> {
  const others = await tx.user.count({ where: { role: "ADMIN", deactivatedAt: null, id: { not: userId } } });
  if (others === 0) throw new AppError("LAST_ADMIN");
}

/** A role change ends the user's sessions: the next request runs with the new role, not a cached one. */
export async function setUserRole(actor: Actor | null, rawInput: unknown): Promise<UserChange> {
  assertCan(actor, "user.manage");
  const { userId, role } = setRoleSchema.parse(rawInput);
  assertCan(actor, "user.manage", { id: userId });
  return db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!before) throw new AppError("NOT_FOUND", "Diesen Zugang gibt es nicht.");
    if (before.role === role) {
      return { user: await tx.user.findUniqueOrThrow({ where: { id: userId }, select: userAdminSelect }), endSessions: false };
    }
    if (before.role === "ADMIN") await assertAnotherAdminRemains(tx, userId);
    const user = await tx.user.update({
      where: { id: userId },
      data: { role, sessionVersion: { increment: 1 } },
      select: userAdminSelect,
    });
    await recordAudit(tx, actor, "user.role", { type: "user", id: userId }, { from: before.role, to: role });
    return { user, endSessions: true };
  });
}

export async function setUserActive(actor: Actor | null, rawInput: unknown): Promise<UserChange> {
  assertCan(actor, "user.manage");
  const { userId, isActive } = setActiveSchema.parse(rawInput);
  assertCan(actor, "user.manage", { id: userId });
  return db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { role: true, deactivatedAt: true } });
    if (!before) throw new AppError("NOT_FOUND", "Diesen Zugang gibt es nicht.");
    if (isActive === !before.deactivatedAt) {
      return { user: await tx.user.findUniqueOrThrow({ where: { id: userId }, select: userAdminSelect }), endSessions: false };
    }
    if (!isActive && before.role === "ADMIN") await assertAnotherAdminRemains(tx, userId);
    const user = await tx.user.update({
      where: { id: userId },
      data: isActive ? { deactivatedAt: null } : { deactivatedAt: new Date(), sessionVersion: { increment: 1 } },
      select: userAdminSelect,
    });
    await recordAudit(tx, actor, isActive ? "user.reactivate" : "user.deactivate", { type: "user", id: userId });
    return { user, endSessions: !isActive };
  });
}
