"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import { cancelImpulseTalkSchema, HIDE_REASON_MAX } from "@/server/schemas/impulse-talk";
import { announce } from "../shell/live-announcer";
import { Button, buttonClass } from "../ui/button";
import { TextArea } from "../ui/field";

/**
 * A talk's buttons: follow or stop following (everyone who reads talks), and for moderation edit and
 * cancel (with a reason the followers read). The server decides; these only show what the role offers.
 */
export function TalkActions({
  talkId,
  canManage,
  isCancelled,
  hasBegun,
  isOver,
  initialFollowing,
}: {
  talkId: string;
  canManage: boolean;
  isCancelled: boolean;
  /** a talk that has begun is not cancelled any more; it can still be edited (the recording) */
  hasBegun: boolean;
  /** after the talk there is nothing to follow */
  isOver: boolean;
  initialFollowing: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [isFollowing, setIsFollowing] = useState(initialFollowing);
  const [isCancelling, setIsCancelling] = useState(false);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);

  const follow = useMutation(
    trpc.impulseTalk.follow.mutationOptions({
      onSuccess: () => {
        setIsFollowing(true);
        announce("Sie folgen diesem Vortrag und werden über Verschiebungen und Absagen benachrichtigt.");
      },
    }),
  );
  const unfollow = useMutation(
    trpc.impulseTalk.unfollow.mutationOptions({
      onSuccess: () => {
        setIsFollowing(false);
        announce("Sie folgen diesem Vortrag nicht mehr.");
      },
    }),
  );
  const cancel = useMutation(
    trpc.impulseTalk.cancel.mutationOptions({
      onSuccess: () => {
        setIsCancelling(false);
        announce("Der Vortrag wurde abgesagt.");
        router.refresh();
      },
    }),
  );

  useEffect(() => {
    if (isCancelling) reasonRef.current?.focus();
  }, [isCancelling]);

  function onCancel(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = cancelImpulseTalkSchema.safeParse({ talkId, reason: new FormData(event.currentTarget).get("reason") });
    if (!parsed.success) {
      setReasonError(parsed.error.issues[0]?.message ?? null);
      reasonRef.current?.focus();
      return;
    }
    setReasonError(null);
    cancel.mutate(parsed.data);
  }

  const followError = follow.error ?? unfollow.error;
  return (
    <div className="w-full space-y-3">
      <div className="flex flex-wrap gap-2">
        {isOver ? null : isFollowing ? (
          <Button variant="secondary" onClick={() => unfollow.mutate({ talkId })} disabled={unfollow.isPending}>
            Nicht mehr folgen
          </Button>
        ) : (
          <Button variant="secondary" onClick={() => follow.mutate({ talkId })} disabled={follow.isPending}>
            Folgen
          </Button>
        )}
        {canManage && !isCancelled && (
          <>
            <Link href={`/impulse/${talkId}/bearbeiten`} className={buttonClass("secondary")}>
              Bearbeiten
            </Link>
            {!hasBegun && (
              <button
                type="button"
                ref={cancelButton}
                className={buttonClass("danger")}
                aria-expanded={isCancelling}
                aria-controls="talk-cancel"
                onClick={() => setIsCancelling((open) => !open)}
              >
                Absagen
              </button>
            )}
          </>
        )}
      </div>
      {isFollowing && !isOver && <p className="text-sm text-slate-600">Sie folgen diesem Vortrag: Verschiebungen und Absagen erscheinen in Ihren Benachrichtigungen.</p>}
      {followError && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {followError.message}
        </p>
      )}
      {canManage && isCancelling && (
        <form id="talk-cancel" onSubmit={onCancel} noValidate className="max-w-xl space-y-3 rounded-md border border-red-200 bg-red-50 p-3">
          <TextArea
            ref={reasonRef}
            label="Grund der Absage"
            name="reason"
            rows={3}
            required
            maxLength={HIDE_REASON_MAX + 100}
            hint="Alle, die dem Vortrag folgen, lesen den Grund in ihrer Benachrichtigung."
            error={reasonError ?? cancel.error?.message}
          />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="danger" disabled={cancel.isPending}>
              Vortrag absagen
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setIsCancelling(false);
                cancelButton.current?.focus();
              }}
            >
              Abbrechen
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
