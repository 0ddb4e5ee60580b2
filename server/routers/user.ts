import { disconnectUser } from "../realtime/publish";
import { listAuditSchema } from "../schemas/audit";
import { mentionableSchema } from "../schemas/post";
import { setActiveSchema, setRoleSchema } from "../schemas/user";
import { auditActors, listAuditEntries } from "../services/audit/list-audit";
import { listMentionable } from "../services/users/mentionable";
import { listUsers, setUserActive, setUserRole, type UserChange } from "../services/users/manage-users";
import { authedProcedure, router } from "../trpc";

/** Sessions are refused from the next request on; open sockets are closed right away. */
function endSessionsIfNeeded(change: UserChange) {
  if (change.endSessions) {
    disconnectUser(
      change.user.id,
      change.user.deactivatedAt
        ? "Ihr Zugang wurde deaktiviert. Wenden Sie sich bei Fragen an die Administration."
        : "Ihre Rolle wurde geändert. Bitte melden Sie sich erneut an.",
    );
  }
  return change.user;
}

export const userRouter = router({
  list: authedProcedure.query(({ ctx }) => listUsers(ctx.actor)),
  setRole: authedProcedure.input(setRoleSchema).mutation(async ({ ctx, input }) => endSessionsIfNeeded(await setUserRole(ctx.actor, input))),
  setActive: authedProcedure.input(setActiveSchema).mutation(async ({ ctx, input }) => endSessionsIfNeeded(await setUserActive(ctx.actor, input))),
  mentionable: authedProcedure.input(mentionableSchema).query(({ ctx, input }) => listMentionable(ctx.actor, input)),
  audit: authedProcedure.input(listAuditSchema).query(({ ctx, input }) => listAuditEntries(ctx.actor, input)),
  auditActors: authedProcedure.query(({ ctx }) => auditActors(ctx.actor)),
});
