import { z } from "zod";
import { idSchema } from "./common";

export const markThreadReadSchema = z.object({
  threadId: idSchema,
  /** the highest post number the reader was shown; beyond the thread's last post counts as its last */
  readUpTo: z.int({ message: "Die Beitragsnummer ist ungültig." }).min(1, { message: "Die Beitragsnummer ist ungültig." }).max(2 ** 31 - 1, {
    message: "Die Beitragsnummer ist ungültig.",
  }),
});
export type MarkThreadReadInput = z.infer<typeof markThreadReadSchema>;

export const markGroupReadSchema = z.object({ groupId: idSchema });
