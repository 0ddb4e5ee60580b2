"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import { announce } from "../shell/live-announcer";
import { Button } from "../ui/button";

/** "Folgen" / "Nicht mehr folgen": changes of phase or priority reach the follower as notifications. */
export function FollowServiceButton({ ozgId, initialFollowing }: { ozgId: string; initialFollowing: boolean }) {
  const trpc = useTRPC();
  const [isFollowing, setIsFollowing] = useState(initialFollowing);
  const follow = useMutation(
    trpc.ozg.follow.mutationOptions({
      onSuccess: () => {
        setIsFollowing(true);
        announce("Sie folgen dieser Leistung und werden benachrichtigt, wenn sich Phase oder Priorität ändern.");
      },
    }),
  );
  const unfollow = useMutation(
    trpc.ozg.unfollow.mutationOptions({
      onSuccess: () => {
        setIsFollowing(false);
        announce("Sie folgen dieser Leistung nicht mehr.");
      },
    }),
  );
  const error = follow.error ?? unfollow.error;
  return (
    <div className="space-y-2">
      {isFollowing ? (
        <Button variant="secondary" onClick={() => unfollow.mutate({ ozgId })} disabled={unfollow.isPending}>
          Nicht mehr folgen
        </Button>
      ) : (
        <Button variant="secondary" onClick={() => follow.mutate({ ozgId })} disabled={follow.isPending}>
          Folgen
        </Button>
      )}
      <p className="text-sm text-slate-600">
        {isFollowing
          ? "Sie folgen dieser Leistung: Änderungen von Phase und Priorität erscheinen in Ihren Benachrichtigungen."
          : "Folgen Sie der Leistung, um über Änderungen von Phase und Priorität benachrichtigt zu werden."}
      </p>
      {error && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {error.message}
        </p>
      )}
    </div>
  );
}
