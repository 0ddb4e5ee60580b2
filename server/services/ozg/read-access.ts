import { assertCan, type Actor } from "../../auth/policy";
import { AppError } from "../../errors";
import { readOzgSettings, type OzgSettingsView } from "./settings";

/**
 * Who reads the service status: everyone signed in, and visitors who are not signed in once moderation
 * made the overview public. Returns the settings, which every status page needs for its notices.
 */
export async function assertCanReadOzg(actor: Actor | null): Promise<OzgSettingsView> {
  const settings = await readOzgSettings();
  if (actor) assertCan(actor, "ozg.read");
  else if (!settings.isPublic) throw new AppError("UNAUTHORIZED");
  return settings;
}
