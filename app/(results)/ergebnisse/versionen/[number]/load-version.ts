import { notFound } from "next/navigation";
import { cache } from "react";
import { getActor } from "@/server/auth/get-actor";
import { AppError } from "@/server/errors";
import { parseVersionParam } from "@/server/schemas/results";
import { getResultVersion } from "@/server/services/results/versions";

/** The version a URL names; letters, 0, huge and unknown numbers are the German 404. */
export const loadVersion = cache(async (param: string) => {
  const number = parseVersionParam(param);
  if (number === null) notFound();
  const actor = await getActor();
  const version = await getResultVersion(actor, { number }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "VERSION_NOT_FOUND") notFound();
    throw error;
  });
  return { actor, version };
});
