import { useId } from "react";

/**
 * The working groups as checkboxes in a fieldset, for forms that pick some of the four. The order
 * chosen counts for spotlights (the first hosts the discussion), so a newly checked group goes last.
 */
export function GroupCheckboxes({
  legend,
  hint,
  groups,
  selected,
  onChange,
  error,
}: {
  legend: string;
  hint: string;
  groups: { id: string; name: string }[];
  selected: string[];
  onChange: (groupIds: string[]) => void;
  error?: string | null;
}) {
  const id = useId();
  const toggle = (groupId: string, checked: boolean) => {
    const others = selected.filter((selectedId) => selectedId !== groupId);
    onChange(checked ? [...others, groupId] : others);
  };
  return (
    <fieldset className="min-w-0" data-invalid={error ? "true" : undefined} aria-describedby={`${id}-hinweis${error ? ` ${id}-fehler` : ""}`}>
      <legend className="mb-1 font-medium">{legend}</legend>
      <p id={`${id}-hinweis`} className="text-sm text-slate-600">
        {hint}
      </p>
      <div className="mt-2 grid gap-1 sm:grid-cols-2">
        {groups.map((group) => (
          <label key={group.id} className="inline-flex min-h-10 cursor-pointer items-center gap-2">
            <input
              type="checkbox"
              name="groupIds"
              value={group.id}
              className="size-4"
              checked={selected.includes(group.id)}
              onChange={(event) => toggle(group.id, event.target.checked)}
            />
            {group.name}
          </label>
        ))}
      </div>
      {error && (
        <p id={`${id}-fehler`} className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
