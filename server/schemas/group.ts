import { z } from "zod";
import { idSchema } from "./common";

export const groupIdSchema = z.object({ groupId: idSchema });
export const groupSlugSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]{1,64}$/, { message: "Diese Arbeitsgruppe gibt es nicht." }),
});
