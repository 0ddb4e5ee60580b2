export const roles = ["READER", "PARTICIPANT", "MODERATOR", "ADMIN"] as const;
export type RoleName = (typeof roles)[number];

export const roleLabels: Record<RoleName, string> = {
  READER: "Lesende",
  PARTICIPANT: "Teilnehmende",
  MODERATOR: "Moderation",
  ADMIN: "Administration",
};

export const roleRank = (role: RoleName): number => roles.indexOf(role);
