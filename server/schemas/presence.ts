import { z } from "zod";
import { idSchema } from "./common";

export const threadTypingSchema = z.object({
  threadId: idSchema,
  /** the composer was emptied or sent: others stop showing the notice at once */
  stopped: z.boolean({ message: "Die Angabe „stopped“ muss wahr oder falsch sein." }).optional(),
});
