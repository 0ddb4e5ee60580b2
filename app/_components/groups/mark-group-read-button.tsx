"use client";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/app/_lib/trpc";
import type { ThreadReadDto } from "@/server/services/reads/dto";
import { Button } from "../ui/button";

/** "Alle als gelesen markieren": every thread of the group, also those on other pages. */
export function MarkGroupReadButton({ groupId, onMarked }: { groupId: string; onMarked: (reads: ThreadReadDto[]) => void }) {
  const trpc = useTRPC();
  const mark = useMutation(trpc.group.markRead.mutationOptions({ onSuccess: onMarked }));
  return (
    <div className="mb-3 flex flex-wrap items-center justify-end gap-x-3 gap-y-1">
      <p role="status" className="text-sm text-slate-700">
        {mark.isSuccess ? "Alle Themen sind als gelesen markiert." : ""}
      </p>
      <Button variant="secondary" disabled={mark.isPending} onClick={() => mark.mutate({ groupId })}>
        Alle als gelesen markieren
      </Button>
      {mark.error && (
        <p role="alert" className="w-full text-right text-sm text-red-700">
          {mark.error.message}
        </p>
      )}
    </div>
  );
}
