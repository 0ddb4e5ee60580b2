"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import type { ThreadSubscriptionLevel } from "@/server/schemas/notification";
import { Button } from "../ui/button";

const explanation: Record<ThreadSubscriptionLevel, string> = {
  FOLLOWING: "Sie folgen diesem Thema: neue Beiträge erscheinen in Ihren Benachrichtigungen.",
  NORMAL: "Sie erhalten Benachrichtigungen aus diesem Thema nur, wenn jemand Sie erwähnt oder Ihnen antwortet.",
  MUTED: "Stummgeschaltet: aus diesem Thema erhalten Sie keine Benachrichtigungen, auch keine Erwähnungen.",
};

/** "Folgen" / "Nicht mehr folgen" / "Stummschalten" in the thread's header. */
export function ThreadSubscription({ threadId, initialLevel }: { threadId: string; initialLevel: ThreadSubscriptionLevel }) {
  const trpc = useTRPC();
  const [level, setLevel] = useState(initialLevel);
  const change = useMutation(trpc.notification.setThreadSubscription.mutationOptions({ onSuccess: (result) => setLevel(result.level) }));
  const set = (next: ThreadSubscriptionLevel) => change.mutate({ threadId, level: next });
  return (
    <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
      {level === "FOLLOWING" ? (
        <Button variant="secondary" disabled={change.isPending} onClick={() => set("NORMAL")}>
          Nicht mehr folgen
        </Button>
      ) : (
        <Button variant="secondary" disabled={change.isPending} onClick={() => set("FOLLOWING")}>
          Folgen
        </Button>
      )}
      {level === "MUTED" ? (
        <Button variant="secondary" disabled={change.isPending} onClick={() => set("NORMAL")}>
          Stummschaltung aufheben
        </Button>
      ) : (
        <Button variant="secondary" disabled={change.isPending} onClick={() => set("MUTED")}>
          Stummschalten
        </Button>
      )}
      <p role="status" className="basis-full text-slate-600">
        {explanation[level]}
      </p>
      {change.error && (
        <p role="alert" className="basis-full text-red-700">
          {change.error.message}
        </p>
      )}
    </div>
  );
}
