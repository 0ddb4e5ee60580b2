"use client";
import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import type { ResultCommentDto, ResultSectionDto } from "@/server/services/results/dto";
import { Button } from "../ui/button";
import { SelectField, TextArea } from "../ui/field";
import { blockLabel } from "./draft-section-body";

/** Comment on a section or one of its paragraphs. The text stays in the field until the server took it. */
export function CommentForm({ section, onComment }: { section: ResultSectionDto; onComment: (comment: ResultCommentDto) => void }) {
  const trpc = useTRPC();
  const [anchor, setAnchor] = useState("");
  const [body, setBody] = useState("");
  const [sent, setSent] = useState(false);
  // one id per comment: a retry after a lost answer does not comment twice
  const clientId = useRef<string | null>(null);
  const comment = useMutation(trpc.results.comment.mutationOptions());
  const options = [
    { value: "", label: "Ganzer Abschnitt" },
    ...section.blocks.map((block) => ({ value: String(block.index), label: blockLabel(block.index, block.text) })),
  ];
  // a paragraph that disappeared in a later save can no longer be chosen
  const anchorValue = options.some((option) => option.value === anchor) ? anchor : "";

  return (
    <form
      className="mt-4 space-y-3"
      aria-label={`Kommentar zu „${section.title}“`}
      onSubmit={(event) => {
        event.preventDefault();
        if (comment.isPending) return;
        setSent(false);
        clientId.current ??= crypto.randomUUID();
        comment.mutate(
          { id: clientId.current, sectionId: section.id, body, anchorBlock: anchorValue === "" ? null : Number(anchorValue) },
          {
            onSuccess: (created) => {
              onComment(created);
              clientId.current = null;
              setBody("");
              setAnchor("");
              setSent(true);
            },
          },
        );
      }}
    >
      <h3 className="text-base font-semibold">Kommentieren</h3>
      <SelectField label="Bezug" options={options} value={anchorValue} onChange={(event) => setAnchor(event.target.value)} />
      <TextArea
        label="Kommentar"
        rows={4}
        value={body}
        onChange={(event) => {
          setBody(event.target.value);
          setSent(false);
        }}
        error={comment.error?.message ?? null}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" aria-disabled={comment.isPending}>
          {comment.isPending ? "Wird gesendet …" : "Kommentar senden"}
        </Button>
        <p role="status" className="text-sm text-slate-700">
          {sent ? "Ihr Kommentar wurde gespeichert." : ""}
        </p>
      </div>
    </form>
  );
}
