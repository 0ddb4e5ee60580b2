"use client";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/app/_lib/trpc";
import type { ThreadDetail } from "@/server/services/threads/dto";
import { Button } from "../ui/button";

export function ModerationControls({ thread, onChange }: { thread: ThreadDetail; onChange: (thread: ThreadDetail) => void }) {
  const trpc = useTRPC();
  const moderate = useMutation(trpc.thread.moderate.mutationOptions({ onSuccess: onChange }));
  return (
    <div className="mt-3 flex flex-wrap items-center gap-2" role="group" aria-label="Moderation">
      <Button variant="secondary" disabled={moderate.isPending} onClick={() => moderate.mutate({ threadId: thread.id, isPinned: !thread.isPinned })}>
        {thread.isPinned ? "Nicht mehr anheften" : "Anheften"}
      </Button>
      <Button variant="secondary" disabled={moderate.isPending} onClick={() => moderate.mutate({ threadId: thread.id, isLocked: !thread.isLocked })}>
        {thread.isLocked ? "Entsperren" : "Sperren"}
      </Button>
      {moderate.error && (
        <p role="alert" className="text-sm text-red-700">
          {moderate.error.message}
        </p>
      )}
    </div>
  );
}
