"use client";
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { formatShortDate } from "@/app/_lib/format";
import { useTRPC } from "@/app/_lib/trpc";
import type { ResultCommentDto, ResultSectionDto } from "@/server/services/results/dto";
import type { ResultDraftDto } from "@/server/services/results/get-draft";
import { CommentForm } from "./comment-form";
import { CommentList } from "./comment-list";
import { DraftModeration, type GroupOption } from "./draft-moderation";
import { DraftSectionBody } from "./draft-section-body";
import { useDraftLive } from "./draft-live";
import { SectionToolbar } from "./section-toolbar";

export interface DraftViewer {
  canEdit: boolean;
  canResolve: boolean;
  canPublish: boolean;
  /** the signed-in user: their own live comments are not announced */
  id: string;
}

/** A comment event or answer may arrive after a newer one: a resolved comment never turns open again. */
function upsertComment(comments: ResultCommentDto[], next: ResultCommentDto): ResultCommentDto[] {
  const index = comments.findIndex((comment) => comment.id === next.id);
  if (index < 0) return [...comments, next];
  if (comments[index].resolvedAt && !next.resolvedAt) return comments;
  return comments.map((comment, i) => (i === index ? next : comment));
}

/** The working draft with its comments, live for everyone who has it open. */
export function DraftView({ initialDraft, viewer, groups }: { initialDraft: ResultDraftDto; viewer: DraftViewer; groups: GroupOption[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(initialDraft);
  const [announcement, setAnnouncement] = useState("");

  const reload = useCallback(async () => {
    try {
      const fresh = await queryClient.fetchQuery({ ...trpc.results.draft.queryOptions(), staleTime: 0 });
      setDraft(fresh);
    } catch {
      // the next event or reconnection brings the page up to date
    }
  }, [queryClient, trpc]);

  const applySections = useCallback(
    (sections: ResultSectionDto[]) => {
      setDraft((current) => ({ ...current, sections }));
      void reload();
    },
    [reload],
  );
  const applyComment = useCallback((comment: ResultCommentDto) => setDraft((current) => ({ ...current, comments: upsertComment(current.comments, comment) })), []);

  // live comments by others are announced; the draft as last rendered tells new ones from updates
  const shown = useRef(draft);
  useEffect(() => {
    shown.current = draft;
  });
  const announceComment = useCallback((comment: ResultCommentDto) => {
    const section = shown.current.sections.find((candidate) => candidate.id === comment.sectionId);
    setAnnouncement(`Neuer Kommentar von ${comment.author.name}${section ? ` zu „${section.title}“` : ""}.`);
  }, []);
  const onLiveComment = (comment: ResultCommentDto) => {
    const isNew = !comment.resolvedAt && !shown.current.comments.some((known) => known.id === comment.id);
    applyComment(comment);
    if (isNew && comment.author.id !== viewer.id) announceComment(comment);
  };

  useDraftLive({
    onSection: (section) => {
      setDraft((current) => ({ ...current, sections: current.sections.map((shown) => (shown.id === section.id ? section : shown)) }));
      void reload();
    },
    onSections: applySections,
    onComment: onLiveComment,
    onPublished: (version) => {
      setDraft((current) =>
        !current.latestVersion || current.latestVersion.number < version.number ? { ...current, latestVersion: version, hasUnpublishedChanges: false, unpublishedSections: [] } : current,
      );
      void reload();
    },
    onJoined: () => void reload(),
  });

  const { sections, comments, latestVersion } = draft;
  return (
    <div>
      <h1 tabIndex={-1} className="text-2xl font-bold text-slate-900 sm:text-3xl">Entwurf: {draft.document.title}</h1>
      <div className="mt-4 max-w-3xl space-y-1 rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-brand-800" data-testid="draft-note">
        <p>
          Dies ist der Arbeitsentwurf des Ergebnisdokuments. Er ist nur für Teilnehmende und die Moderation sichtbar; Kommentare helfen der Moderation
          beim Überarbeiten.
        </p>
        <p>
          {latestVersion ? (
            <>
              Zuletzt veröffentlicht:{" "}
              <Link href={`/ergebnisse/versionen/${latestVersion.number}`} className="font-semibold underline">
                Version {latestVersion.number}
              </Link>{" "}
              vom {formatShortDate(latestVersion.publishedAt)}.
            </>
          ) : (
            <>Es wurde noch keine Version veröffentlicht.</>
          )}{" "}
          <span data-testid="draft-changes">
            {draft.hasUnpublishedChanges
              ? "Der Entwurf enthält Änderungen, die noch nicht veröffentlicht sind."
              : "Der Entwurf entspricht der zuletzt veröffentlichten Version."}
          </span>
        </p>
      </div>

      <p aria-live="polite" role="status" className="sr-only" data-testid="draft-announcement">
        {announcement}
      </p>

      {(viewer.canEdit || viewer.canPublish) && (
        <DraftModeration
          viewer={viewer}
          groups={groups}
          isPublic={draft.document.isPublic}
          hasUnpublishedChanges={draft.hasUnpublishedChanges}
          unpublishedSections={draft.unpublishedSections}
          onSections={applySections}
          onPublished={(version) => {
            setDraft((current) => ({ ...current, latestVersion: version, hasUnpublishedChanges: false, unpublishedSections: [] }));
            void reload();
          }}
          onPublicChanged={(isPublic) => setDraft((current) => ({ ...current, document: { ...current.document, isPublic } }))}
          announce={setAnnouncement}
        />
      )}

      {sections.length > 0 && (
        <nav aria-label="Abschnitte des Entwurfs" className="mt-6">
          <h2 className="text-lg font-semibold">Inhalt</h2>
          <ol className="mt-2 list-decimal space-y-1 pl-6">
            {sections.map((section) => (
              <li key={section.id} className="break-words">
                <a href={`#abschnitt-${section.id}`} className="text-brand-700 underline">
                  {section.title}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      )}

      {sections.length === 0 && <p className="mt-6 text-slate-700">Der Entwurf hat noch keine Abschnitte.</p>}

      <div className="mt-6 space-y-8">
        {sections.map((section, index) => {
          const sectionComments = comments.filter((comment) => comment.sectionId === section.id);
          return (
            <section key={section.id} aria-labelledby={`abschnitt-${section.id}`} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 sm:p-6" data-testid="draft-section">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <h2 id={`abschnitt-${section.id}`} className="min-w-0 scroll-mt-4 text-xl font-bold break-words text-slate-900">
                  {section.title}
                </h2>
              </div>
              {section.groupName && <p className="mt-1 text-sm text-slate-600">{section.groupName}</p>}
              {viewer.canEdit && (
                <SectionToolbar
                  section={section}
                  index={index}
                  count={sections.length}
                  commentCount={sectionComments.length}
                  onSections={applySections}
                  announce={setAnnouncement}
                />
              )}
              <DraftSectionBody section={section} comments={sectionComments} />
              <h3 className="mt-4 text-base font-semibold">Quellen</h3>
              {section.sources.length > 0 ? (
                <ul className="mt-1 list-disc space-y-1 pl-6 text-sm">
                  {section.sources.map((source) => (
                    <li key={`${source.kind}-${source.sourceId}`} className="break-words">
                      {source.href ? (
                        <Link href={source.href} className="text-brand-700 underline">
                          {source.label}
                        </Link>
                      ) : (
                        source.label
                      )}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="mt-1 text-sm text-slate-600">Dieser Abschnitt nennt keine Quellen.</p>
              )}
              <p className="mt-3 text-sm text-slate-600">
                {section.updatedBy
                  ? `zuletzt bearbeitet von ${section.updatedBy.name} (${section.updatedBy.organisation}) am ${formatShortDate(section.updatedAt)}`
                  : `zuletzt bearbeitet am ${formatShortDate(section.updatedAt)}`}
              </p>
              <div className="mt-4 border-t border-slate-200 pt-4">
                <CommentList section={section} comments={sectionComments} canResolve={viewer.canResolve} onComment={applyComment} />
                <CommentForm section={section} onComment={applyComment} />
              </div>
            </section>
          );
        })}
      </div>
    </div>
  );
}
