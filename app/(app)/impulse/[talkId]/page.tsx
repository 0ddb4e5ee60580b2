import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AddToCalendar } from "@/app/_components/impulse/add-to-calendar";
import { TalkDetail } from "@/app/_components/impulse/talk-detail";
import { getActor } from "@/server/auth/get-actor";
import { AppError } from "@/server/errors";
import { idSchema } from "@/server/schemas/common";
import { getImpulseTalk } from "@/server/services/impulse-talks/get-talk";

type Props = { params: Promise<{ talkId: string }> };

/** A talk that does not exist, or a path that is not even an id, is the German 404. */
const loadTalk = cache(async (talkId: string) => {
  const actor = await getActor();
  if (!actor) return null;
  if (!idSchema.safeParse(talkId).success) notFound();
  const talk = await getImpulseTalk(actor, talkId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return { actor, talk };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await loadTalk((await params).talkId);
  return { title: loaded ? `${loaded.talk.title} – Impulsvorträge` : "Impulsvortrag" };
}

export default async function TalkPage({ params }: Props) {
  const loaded = await loadTalk((await params).talkId);
  // signed out: the layout sends them to the sign-in page
  if (!loaded) return null;
  const { talk } = loaded;
  return (
    <TalkDetail
      talk={talk}
      now={new Date()}
      actions={
        <>
          <AddToCalendar talk={talk} />
        </>
      }
    />
  );
}
