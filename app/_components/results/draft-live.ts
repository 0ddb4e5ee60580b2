"use client";
import { useCallback, useEffect, useRef } from "react";
import { useOnConnect, type ClientSocket } from "@/app/_lib/socket";
import type { ResultCommentDto, ResultSectionDto, ResultVersionSummaryDto } from "@/server/services/results/dto";

interface DraftLive {
  onSection(section: ResultSectionDto): void;
  onSections(sections: ResultSectionDto[]): void;
  onComment(comment: ResultCommentDto): void;
  onPublished(version: ResultVersionSummaryDto): void;
  /** joined the results room, first or again after a break: the page reloads the draft to catch up */
  onJoined(): void;
}

/** Keeps the draft page live: joins the results room on every connection (copied from useSpotlightsLive). */
export function useDraftLive(handlers: DraftLive) {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  const watch = useCallback((socket: ClientSocket) => {
    const onSection = ({ section }: { section: ResultSectionDto }) => latest.current.onSection(section);
    const onSections = ({ sections }: { sections: ResultSectionDto[] }) => latest.current.onSections(sections);
    const onComment = ({ comment }: { comment: ResultCommentDto }) => latest.current.onComment(comment);
    const onPublished = ({ version }: { version: ResultVersionSummaryDto }) => latest.current.onPublished(version);
    socket.on("results.section", onSection);
    socket.on("results.sections", onSections);
    socket.on("results.comment", onComment);
    socket.on("results.published", onPublished);
    socket.emit("results.watch", {}, (response) => {
      if (response.ok) latest.current.onJoined();
    });
    return () => {
      socket.off("results.section", onSection);
      socket.off("results.sections", onSections);
      socket.off("results.comment", onComment);
      socket.off("results.published", onPublished);
      socket.emit("results.unwatch", {});
    };
  }, []);
  useOnConnect(watch);
}
