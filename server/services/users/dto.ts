import type { Prisma } from "../../db";

export const authorSelect = { id: true, name: true, organisation: true, role: true } satisfies Prisma.UserSelect;
export type AuthorDto = Prisma.UserGetPayload<{ select: typeof authorSelect }>;

/** The signed-in actor as others see them next to what they wrote. */
export const authorOf = (actor: AuthorDto): AuthorDto => ({ id: actor.id, name: actor.name, organisation: actor.organisation, role: actor.role });

export const userAdminSelect = {
  id: true,
  name: true,
  email: true,
  organisation: true,
  role: true,
  deactivatedAt: true,
  createdAt: true,
} satisfies Prisma.UserSelect;
export type UserAdminDto = Prisma.UserGetPayload<{ select: typeof userAdminSelect }>;
