import type { ImpulseTalkDto } from "@/server/services/impulse-talks/dto";

/** "Dr. Anna Beispiel, Max Muster · Senatskanzlei Hamburg, Hamburg": who speaks, for whom, from where. */
export const talkByline = (talk: Pick<ImpulseTalkDto, "speakers" | "organisation" | "federalState">) =>
  `${talk.speakers.join(", ")} · ${talk.organisation}, ${talk.federalState}`;
