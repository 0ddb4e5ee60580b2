"use client";
import { useEffect, useState } from "react";
import { formatFullDate, formatRelative } from "@/app/_lib/format";

/** "vor 3 Minuten", the full date on hover and for assistive technology; refreshed every minute. */
export function RelativeTime({ iso }: { iso: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time dateTime={iso} title={formatFullDate(iso)} suppressHydrationWarning>
      {formatRelative(iso, now)}
    </time>
  );
}
