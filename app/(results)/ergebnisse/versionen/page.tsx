import { redirect } from "next/navigation";

/** The version list sits beside every version: the address people shorten by hand leads there. */
export default function ResultVersionsPage() {
  redirect("/ergebnisse#versionen-und-downloads");
}
