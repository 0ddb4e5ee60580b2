"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import { createThreadSchema, THREAD_TITLE_MAX } from "@/server/schemas/thread";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { TextArea, TextField } from "../ui/field";

type FieldErrors = Partial<Record<"title" | "body", string>>;

export function NewThreadForm({ groupId, groupSlug }: { groupId: string; groupSlug: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const firstPostId = useRef<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation(
    trpc.thread.create.mutationOptions({
      onSuccess: (thread) => router.push(`/arbeitsgruppen/${groupSlug}/themen/${thread.id}`),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    firstPostId.current ??= crypto.randomUUID();
    const parsed = createThreadSchema.safeParse({
      groupId,
      firstPostId: firstPostId.current,
      title: form.get("title"),
      body: form.get("body"),
    });
    if (!parsed.success) {
      const next: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as keyof FieldErrors;
        next[field] ??= issue.message;
      }
      setErrors(next);
      return;
    }
    setErrors({});
    create.mutate(parsed.data);
  }

  const serverFieldErrors = create.error?.data?.fieldErrors ?? {};
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {create.error && !create.error.data?.fieldErrors && <Alert tone="error">{create.error.message}</Alert>}
      <TextField
        label="Titel"
        name="title"
        required
        maxLength={THREAD_TITLE_MAX + 50}
        hint={`Worum geht es? Höchstens ${THREAD_TITLE_MAX} Zeichen.`}
        error={errors.title ?? serverFieldErrors.title?.[0]}
      />
      <TextArea
        label="Erster Beitrag"
        name="body"
        required
        rows={10}
        hint="Formatierung mit Markdown: **fett**, *kursiv*, - Aufzählung, [Linktext](https://…)"
        error={errors.body ?? serverFieldErrors.body?.[0]}
      />
      <Button type="submit" disabled={create.isPending}>
        {create.isPending ? "Wird eröffnet …" : "Thema eröffnen"}
      </Button>
    </form>
  );
}
