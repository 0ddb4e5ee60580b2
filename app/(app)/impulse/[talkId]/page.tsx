import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AddToCalendar } from "@/app/_components/impulse/add-to-calendar";
import { TalkActions } from "@/app/_components/impulse/talk-actions";
import { TalkDetail } from "@/app/_components/impulse/talk-detail";
import { TalkQuestions } from "@/app/_components/impulse/talk-questions";
import { can } from "@/server/auth/policy";
import { listTalkQuestions, myQuestionVotes } from "@/server/services/impulse-talks/list-questions";
import { questionViewOf } from "@/server/services/impulse-talks/visibility";
import { getActor } from "@/server/auth/get-actor";
import { AppError } from "@/server/errors";
import { idSchema } from "@/server/schemas/common";
import { isFollowingImpulseTalk } from "@/server/services/impulse-talks/follow-talk";
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
  const { talk, actor } = loaded;
  const [questions, myVotes, isFollowing] = await Promise.all([
    listTalkQuestions(actor, talk.id),
    myQuestionVotes(actor, talk.id),
    isFollowingImpulseTalk(actor, talk.id),
  ]);
  const now = new Date();
  const hasBegun = new Date(talk.startsAt) <= now;
  const isOver = new Date(talk.endsAt) <= now;
  // after the talk neither the calendar entry nor following it (for moves and cancellations) helps anyone
  const actions = (
    <>
      {!isOver && <AddToCalendar talk={talk} />}
      <TalkActions
        talkId={talk.id}
        canManage={can(actor, "impulse.manage")}
        isCancelled={!!talk.cancelledAt}
        hasBegun={hasBegun}
        isOver={isOver}
        initialFollowing={isFollowing}
      />
    </>
  );
  const questionsSlot = (
    <TalkQuestions
      talk={talk}
      initialQuestions={questions}
      initialVotes={myVotes}
      view={questionViewOf(actor)}
      viewerId={actor.id}
      mayAsk={can(actor, "impulse.ask")}
    />
  );
  return <TalkDetail talk={talk} now={now} actions={actions} questions={questionsSlot} />;
}
