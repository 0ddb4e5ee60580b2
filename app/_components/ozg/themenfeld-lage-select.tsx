"use client";

import { useState } from "react";
import { SelectField } from "../ui/field";

/**
 * Themenfeld and Lage of the table's filter form. Without JavaScript the Lage list offers every Lage
 * (named with its Themenfeld); with it, only those of the chosen Themenfeld, and a Lage of another
 * Themenfeld is cleared.
 */
export function ThemenfeldLageSelect({
  themenfelder,
  lagen,
  themenfeld: initialThemenfeld,
  lage: initialLage,
}: {
  themenfelder: string[];
  lagen: { lage: string; themenfeld: string }[];
  themenfeld: string;
  lage: string;
}) {
  const [themenfeld, setThemenfeld] = useState(initialThemenfeld);
  const [lage, setLage] = useState(initialLage);
  const offered = themenfeld ? lagen.filter((entry) => entry.themenfeld === themenfeld) : lagen;
  return (
    <>
      <SelectField
        label="Themenfeld"
        name="themenfeld"
        value={themenfeld}
        onChange={(event) => {
          const chosen = event.target.value;
          setThemenfeld(chosen);
          if (chosen && !lagen.some((entry) => entry.lage === lage && entry.themenfeld === chosen)) setLage("");
        }}
        options={[{ value: "", label: "Alle Themenfelder" }, ...themenfelder.map((name) => ({ value: name, label: name }))]}
      />
      <SelectField
        label="Lebens-/Geschäftslage"
        name="lage"
        value={lage}
        onChange={(event) => setLage(event.target.value)}
        options={[
          { value: "", label: "Alle Lagen" },
          // a Lage's name may recur under two Themenfelder: the first is enough, the filter is by name
          ...[...new Map(offered.map((entry) => [entry.lage, entry])).values()].map((entry) => ({
            value: entry.lage,
            label: themenfeld ? entry.lage : `${entry.lage} (${entry.themenfeld})`,
          })),
        ]}
      />
    </>
  );
}
