import { z } from "zod";
import { roles } from "../auth/roles";
import { newPasswordSchema } from "./auth";
import { emailSchema, idSchema, requiredText } from "./common";

export const roleSchema = z.enum(roles, { message: "Bitte wählen Sie eine gültige Rolle." });

export const organisationSchema = requiredText("eine Kommune oder Organisation", "Die Angabe der Kommune oder Organisation", 200, { singleLine: true });
export const personNameSchema = requiredText("Ihren Namen", "Der Name", 120, { singleLine: true });

export const createInvitationSchema = z.object({
  email: emailSchema,
  role: roleSchema,
  organisation: organisationSchema,
});
export type CreateInvitationInput = z.infer<typeof createInvitationSchema>;

export const invitationTokenSchema = z.object({
  token: z.string().trim().min(20, { message: "Dieser Einladungslink ist unvollständig." }).max(200),
});

export const acceptInvitationSchema = invitationTokenSchema.extend({
  name: personNameSchema,
  password: newPasswordSchema,
});
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;

export const setRoleSchema = z.object({ userId: idSchema, role: roleSchema });
export const setActiveSchema = z.object({ userId: idSchema, isActive: z.boolean() });
export const invitationIdSchema = z.object({ invitationId: idSchema });
