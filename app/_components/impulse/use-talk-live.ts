"use client";
import { useCallback, useEffect, useRef } from "react";
import { useOnConnect, type ClientSocket } from "@/app/_lib/socket";
import type { ImpulseQuestionDto, ImpulseTalkDto } from "@/server/services/impulse-talks/dto";

interface TalkLive {
  /** a question was asked or changed: the whole question as it is now, in this user's view */
  onQuestion(question: ImpulseQuestionDto): void;
  /** the question left this user's view (hidden, merged, or no longer answered for readers) */
  onQuestionRemoved(questionId: string): void;
  /** the talk itself changed (moved, cancelled, edited) */
  onTalkChanged?(talk: ImpulseTalkDto): void;
  /**
   * The page joined the talk's rooms, first or again after a break: what changed meanwhile was missed,
   * so the page takes the talk and its questions from the answer (the whole catch-up).
   */
  onJoined(talk: ImpulseTalkDto, questions: ImpulseQuestionDto[]): void;
}

/** Keeps a talk page live: joins the talk's room and its Q&A room of the user's view on every connection. */
export function useTalkLive(talkId: string, handlers: TalkLive) {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  const watch = useCallback(
    (socket: ClientSocket) => {
      const onQuestion = ({ question }: { question: ImpulseQuestionDto }) => {
        if (question.talkId === talkId) latest.current.onQuestion(question);
      };
      const onRemoved = (payload: { talkId: string; questionId: string }) => {
        if (payload.talkId === talkId) latest.current.onQuestionRemoved(payload.questionId);
      };
      const onTalk = ({ talk }: { talk: ImpulseTalkDto }) => {
        if (talk.id === talkId) latest.current.onTalkChanged?.(talk);
      };
      socket.on("impulse.question", onQuestion);
      socket.on("impulse.questionRemoved", onRemoved);
      socket.on("impulse.talkChanged", onTalk);
      socket.emit("impulse.watch", { talkId }, (response) => {
        if (response.ok) latest.current.onJoined(response.data.talk, response.data.questions);
      });
      return () => {
        socket.off("impulse.question", onQuestion);
        socket.off("impulse.questionRemoved", onRemoved);
        socket.off("impulse.talkChanged", onTalk);
        socket.emit("impulse.unwatch", { talkId });
      };
    },
    [talkId],
  );
  useOnConnect(watch);
}
