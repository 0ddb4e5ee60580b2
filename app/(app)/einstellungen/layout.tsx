import type { ReactNode } from "react";
import { SettingsNav } from "@/app/_components/settings/settings-nav";

export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SettingsNav />
      {children}
    </>
  );
}
