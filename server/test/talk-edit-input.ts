import { toBerlinLocal } from "../schemas/berlin-time";
import type { ImpulseTalkDto } from "../services/impulse-talks/dto";

/**
 * The edit form's input for `talk` as loaded, with `overrides` typed in (the abstract's Markdown is
 * not in the DTO: a neutral text stands in unless given). For unit and e2e tests alike.
 */
export function talkEditInput(talk: ImpulseTalkDto, overrides: Record<string, unknown> = {}) {
  return {
    talkId: talk.id,
    expectedUpdatedAt: talk.updatedAt,
    title: talk.title,
    speakers: talk.speakers,
    organisation: talk.organisation,
    federalState: talk.federalState,
    category: talk.category,
    startsAt: toBerlinLocal(new Date(talk.startsAt)),
    endsAt: toBerlinLocal(new Date(talk.endsAt)),
    onlineUrl: talk.onlineUrl ?? "",
    place: talk.place ?? "",
    abstract: "Worum es geht",
    groupIds: talk.groups.map((group) => group.id),
    links: talk.links.map(({ label, url }) => ({ label, url })),
    attachments: talk.materials.map((material) => ({ id: material.id, alt: material.alt ?? undefined })),
    recordingUrl: talk.recordingUrl,
    ...overrides,
  };
}
