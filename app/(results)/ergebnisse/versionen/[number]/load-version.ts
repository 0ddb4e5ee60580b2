import { notFound } from "next/navigation";
import { cache } from "react";
import { getActor } from "@/server/auth/get-actor";
import { AppError } from "@/server/errors";
import { parseVersionParam } from "@/server/schemas/results";
import { getResultVersion } from "@/server/services/results/versions";
import { mayReadResults } from "../../may-read";

/** The version a URL names; letters, 0, huge and unknown numbers are the German 404. Null: the layout sends the visitor to sign in. */
export const loadVersion = cache(async (param: string) => {
  const number = parseVersionParam(param);
  if (number === null) notFound();
  const actor = await getActor();
  if (!(await mayReadResults(actor))) return null;
  const version = await getResultVersion(actor, { number }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "VERSION_NOT_FOUND") notFound();
    throw error;
  });
  return { actor, version };
});
