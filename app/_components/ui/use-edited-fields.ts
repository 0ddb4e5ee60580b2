"use client";
import { useState, type FormEvent } from "react";

/**
 * Which fields were changed since the last submit: a field's error message goes away as soon as the
 * person corrects it, not only at the next submit. Pass `onChange` to the form (change events of its
 * fields bubble to it) and call `reset` when submitting.
 */
export function useEditedFields() {
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  return {
    onChange(event: FormEvent<HTMLFormElement>) {
      const name = (event.target as { name?: unknown }).name;
      if (typeof name === "string" && name && !edited.has(name)) setEdited(new Set(edited).add(name));
    },
    reset: () => setEdited(new Set()),
    isEdited: (name: string) => edited.has(name),
  };
}
