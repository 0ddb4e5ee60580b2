import { acceptInvitationSchema, createInvitationSchema, invitationIdSchema, invitationTokenSchema } from "../schemas/user";
import {
  acceptInvitation,
  createInvitation,
  findOpenInvitation,
  listInvitations,
  revokeInvitation,
} from "../services/invitations/invitations";
import { authedProcedure, publicProcedure, router } from "../trpc";

export const invitationRouter = router({
  list: authedProcedure.query(({ ctx }) => listInvitations(ctx.actor)),
  create: authedProcedure.input(createInvitationSchema).mutation(({ ctx, input }) => createInvitation(ctx.actor, input)),
  revoke: authedProcedure.input(invitationIdSchema).mutation(({ ctx, input }) => revokeInvitation(ctx.actor, input)),
  // the invitee has no account yet: the token in the link is the authorisation
  byToken: publicProcedure.input(invitationTokenSchema).query(({ input }) => findOpenInvitation(input)),
  accept: publicProcedure.input(acceptInvitationSchema).mutation(({ input }) => acceptInvitation(input)),
});
