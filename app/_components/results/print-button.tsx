"use client";

import { buttonClass } from "@/app/_components/ui/button";

/** Opens the browser's print dialog; not part of the printout. */
export function PrintButton() {
  return (
    <button type="button" className={`${buttonClass("primary")} print:hidden`} onClick={() => window.print()}>
      Drucken
    </button>
  );
}
