"use client";
import { useMutation } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import { POST_BODY_MAX, postBodySchema } from "@/server/schemas/post";
import type { PostDto } from "@/server/services/posts/dto";
import { AttachmentPicker } from "../attachments/attachment-picker";
import { useAttachmentUploads } from "../attachments/use-attachment-uploads";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { TextArea } from "../ui/field";

const isNetworkFailure = (error: unknown) => (error as { data?: unknown })?.data === undefined;

/** Writes a reply. The id is generated here and kept until the send succeeds, so retries never duplicate. */
export function Composer({ threadId, onPosted }: { threadId: string; onPosted: (post: PostDto) => void }) {
  const trpc = useTRPC();
  const [body, setBody] = useState("");
  const [clientError, setClientError] = useState<string | null>(null);
  const pendingId = useRef<string | null>(null);
  const uploads = useAttachmentUploads(threadId, () => (pendingId.current = null));
  const create = useMutation(
    trpc.post.create.mutationOptions({
      // the same id is sent again, so retrying after a lost response is safe
      retry: (count, error) => count < 3 && isNetworkFailure(error),
    }),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = postBodySchema.safeParse(body);
    if (!parsed.success) {
      setClientError(parsed.error.issues[0].message);
      return;
    }
    setClientError(null);
    const attachments = uploads.forSend();
    if (!attachments) return;
    pendingId.current ??= crypto.randomUUID();
    create.mutate(
      { id: pendingId.current, threadId, body: parsed.data, attachments },
      {
        onSuccess: (post) => {
          pendingId.current = null;
          setBody("");
          uploads.clear();
          onPosted(post);
        },
      },
    );
  }

  const error = clientError ?? (create.error && !isNetworkFailure(create.error) ? create.error.message : null);
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      {create.error && isNetworkFailure(create.error) && (
        <Alert tone="error">Der Beitrag konnte nicht gesendet werden. Bitte prüfen Sie Ihre Verbindung und senden Sie erneut – er wird nicht doppelt erscheinen.</Alert>
      )}
      <TextArea
        label="Ihr Beitrag"
        name="body"
        value={body}
        onChange={(event) => {
          setBody(event.target.value);
          pendingId.current = null;
        }}
        maxLength={POST_BODY_MAX + 1000}
        hint="Formatierung mit Markdown: **fett**, *kursiv*, - Aufzählung, [Linktext](https://…)"
        error={error}
      />
      <AttachmentPicker uploads={uploads} disabled={create.isPending} />
      <Button type="submit" disabled={create.isPending || uploads.isUploading}>
        {create.isPending ? "Wird gesendet …" : "Beitrag senden"}
      </Button>
    </form>
  );
}
