"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useState, type KeyboardEvent, type RefObject } from "react";
import { useTRPC } from "@/app/_lib/trpc";
import { mentionMarkdown } from "@/server/schemas/post";
import type { MentionableUser } from "@/server/services/users/mentionable";

/** `@` at the start or after a space, then up to two words: what is being typed as a mention. */
const typedMention = /(?:^|\s)@([^\s@[\]()]{0,40}(?: [^\s@[\]()]{0,40})?)$/u;

interface Trigger {
  start: number;
  query: string;
}

function triggerAt(value: string, caret: number): Trigger | null {
  const match = typedMention.exec(value.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[1].length - 1, query: match[1] };
}

/**
 * `@` in a text area opens a list of people who may read the thread (name and organisation).
 * Arrow keys move, Enter or Tab choose, Escape closes. The text area keeps focus and points to the
 * active option (aria-activedescendant), the list is a listbox, and a status line says how many
 * people were found. Choosing inserts `@[Name](user:<id>)`, which the post shows as "@Name".
 */
export function useMentionAutocomplete({
  threadId,
  value,
  onChange,
  textareaRef,
}: {
  threadId: string;
  value: string;
  onChange: (value: string) => void;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
}) {
  const trpc = useTRPC();
  const listId = useId();
  const [trigger, setTrigger] = useState<Trigger | null>(null);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const isOpen = trigger !== null && dismissedAt !== trigger.start;
  const found = useQuery({
    ...trpc.user.mentionable.queryOptions({ threadId, query: trigger?.query ?? "" }),
    enabled: isOpen,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const options: MentionableUser[] = isOpen ? (found.data ?? []) : [];
  const hasList = isOpen && options.length > 0;
  const optionId = (index: number) => `${listId}-option-${index}`;

  /** Reads the text before the caret after every change or caret move. */
  function update(nextValue: string, caret: number) {
    const next = triggerAt(nextValue, caret);
    if (next?.start !== trigger?.start || next?.query !== trigger?.query) setActive(0);
    setTrigger(next);
  }

  function choose(user: MentionableUser) {
    if (!trigger) return;
    const textarea = textareaRef.current;
    const caret = textarea?.selectionStart ?? value.length;
    const inserted = `${mentionMarkdown(user)} `;
    const nextValue = value.slice(0, trigger.start) + inserted + value.slice(caret);
    onChange(nextValue);
    setTrigger(null);
    const position = trigger.start + inserted.length;
    requestAnimationFrame(() => {
      textarea?.focus();
      textarea?.setSelectionRange(position, position);
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!hasList) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (current + step + options.length) % options.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      choose(options[Math.min(active, options.length - 1)]);
    } else if (event.key === "Escape") {
      event.preventDefault();
      setDismissedAt(trigger?.start ?? null);
    }
  }

  const textareaProps = {
    "aria-autocomplete": "list" as const,
    "aria-controls": hasList ? listId : undefined,
    "aria-activedescendant": hasList ? optionId(Math.min(active, options.length - 1)) : undefined,
    onKeyDown,
    onSelect: (event: React.SyntheticEvent<HTMLTextAreaElement>) => update(event.currentTarget.value, event.currentTarget.selectionStart),
    onBlur: () => setTrigger(null),
  };

  const popup = (
    <>
      <p role="status" className="sr-only">
        {isOpen && found.data ? (found.data.length === 0 ? "Niemand gefunden" : `${found.data.length} Personen gefunden, mit Pfeiltasten auswählen, Eingabetaste übernimmt`) : ""}
      </p>
      {hasList && (
        <ul id={listId} role="listbox" aria-label="Personen erwähnen" className="mt-1 max-h-64 overflow-y-auto rounded-md border border-slate-300 bg-white shadow-lg">
          {options.map((user, index) => (
            <li
              key={user.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              // mousedown keeps the focus in the text area
              onMouseDown={(event) => {
                event.preventDefault();
                choose(user);
              }}
              className={`cursor-pointer px-3 py-2 break-words ${index === active ? "bg-brand-50 outline-2 -outline-offset-2 outline-brand-600" : ""}`}
            >
              <span className="font-semibold">{user.name}</span> <span className="text-sm text-slate-700">· {user.organisation}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );

  return { textareaProps, update, popup };
}
