"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import { Button } from "../ui/button";

export function MembershipButton({ groupId, groupName, initialIsMember }: { groupId: string; groupName: string; initialIsMember: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [isMember, setIsMember] = useState(initialIsMember);
  const options = {
    onSuccess: (result: { isMember: boolean }) => {
      setIsMember(result.isMember);
      router.refresh();
    },
  };
  const join = useMutation(trpc.group.join.mutationOptions(options));
  const leave = useMutation(trpc.group.leave.mutationOptions(options));
  const error = join.error ?? leave.error;
  return (
    <div>
      <Button
        variant="secondary"
        disabled={join.isPending || leave.isPending}
        onClick={() => (isMember ? leave.mutate({ groupId }) : join.mutate({ groupId }))}
      >
        {isMember ? `${groupName} verlassen` : "Beitreten"}
      </Button>
      {error && (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {error.message}
        </p>
      )}
    </div>
  );
}
