import type { Prisma } from "../../db";
import { authorSelect, type AuthorDto } from "../users/dto";

export const groupSelect = {
  id: true,
  slug: true,
  name: true,
  question: true,
  description: true,
  _count: { select: { members: { where: { user: { deactivatedAt: null } } }, threads: true } },
} satisfies Prisma.WorkingGroupSelect;

export interface GroupSummary {
  id: string;
  slug: string;
  name: string;
  question: string;
  description: string;
  memberCount: number;
  threadCount: number;
  isMember: boolean;
}

export interface GroupDetail extends GroupSummary {
  members: (AuthorDto & { joinedAt: string })[];
}

export const memberSelect = { joinedAt: true, user: { select: authorSelect } } satisfies Prisma.GroupMembershipSelect;
