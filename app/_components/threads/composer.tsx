"use client";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import { POST_BODY_MAX, postBodySchema } from "@/server/schemas/post";
import type { PostDto } from "@/server/services/posts/dto";
import { AttachmentPicker } from "../attachments/attachment-picker";
import { useAttachmentUploads } from "../attachments/use-attachment-uploads";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { TextArea } from "../ui/field";
import { useMentionAutocomplete } from "../posts/mention-autocomplete";

/** A quote from "Zitieren": inserted into the text, and the reply refers to that post. */
export interface QuoteRequest {
  markdown: string;
  post: { id: string; number: number; authorName: string };
  /** a new request for every click, so quoting the same post twice inserts twice */
  key: number;
}

const isNetworkFailure = (error: unknown) => (error as { data?: unknown })?.data === undefined;

/**
 * Writes a reply. The id is generated here and kept until the send succeeds, so retries never duplicate.
 * `onTyping` hears whether the field holds text, for the "… schreibt" notice others see.
 */
export function Composer({
  threadId,
  onPosted,
  quote,
  onTyping,
}: {
  threadId: string;
  onPosted: (post: PostDto) => void;
  quote?: QuoteRequest | null;
  onTyping?: (isTyping: boolean) => void;
}) {
  const trpc = useTRPC();
  const [body, setBody] = useState("");
  const [replyTo, setReplyTo] = useState<QuoteRequest["post"] | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const mentions = useMentionAutocomplete({ threadId, value: body, onChange: setBody, textareaRef });
  const [seenQuoteKey, setSeenQuoteKey] = useState(quote?.key ?? 0);
  if (quote && quote.key !== seenQuoteKey) {
    setSeenQuoteKey(quote.key);
    setBody((current) => (current.trim() ? `${current.trimEnd()}\n\n${quote.markdown}` : quote.markdown));
    setReplyTo(quote.post);
  }
  useEffect(() => {
    const textarea = textareaRef.current;
    if (!quote || !textarea) return;
    textarea.focus();
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
  }, [quote]);
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
      { id: pendingId.current, threadId, body: parsed.data, replyToPostId: replyTo?.id ?? null, attachments },
      {
        onSuccess: (post) => {
          pendingId.current = null;
          setBody("");
          setReplyTo(null);
          onTyping?.(false);
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
      {replyTo && (
        <p className="flex flex-wrap items-center gap-x-3 text-sm text-slate-700">
          <span>
            Antwort auf{" "}
            <a href={`#beitrag-${replyTo.number}`} className="font-semibold text-brand-700 underline break-words">
              {replyTo.authorName} (#{replyTo.number})
            </a>
          </span>
          <button type="button" className="font-semibold text-brand-700 underline" onClick={() => setReplyTo(null)}>
            Bezug entfernen
          </button>
        </p>
      )}
      <TextArea
        ref={textareaRef}
        label="Ihr Beitrag"
        name="body"
        value={body}
        {...mentions.textareaProps}
        onChange={(event) => {
          setBody(event.target.value);
          mentions.update(event.target.value, event.target.selectionStart);
          pendingId.current = null;
          onTyping?.(event.target.value.trim() !== "");
        }}
        maxLength={POST_BODY_MAX + 1000}
        hint="Formatierung mit Markdown: **fett**, *kursiv*, - Aufzählung, [Linktext](https://…). Mit @ erwähnen Sie eine Person."
        error={error}
      />
      {mentions.popup}
      <AttachmentPicker uploads={uploads} disabled={create.isPending} />
      <Button type="submit" disabled={create.isPending || uploads.isUploading}>
        {create.isPending ? "Wird gesendet …" : "Beitrag senden"}
      </Button>
    </form>
  );
}
