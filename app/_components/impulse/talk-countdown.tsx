"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { describeDistance, describeStart } from "@/server/schemas/berlin-time";

/**
 * "morgen, 10:00 Uhr" (or only "morgen" beside a line showing the time), kept current: re-described
 * every minute, so "in 5 Minuten" becomes "läuft gerade". With `refreshWhenOver` the page is reloaded
 * from the server once the talk has ended (the home page then points to the next one).
 */
export function TalkCountdown({
  startsAt,
  endsAt,
  short = false,
  refreshWhenOver = false,
}: {
  startsAt: string;
  endsAt: string;
  short?: boolean;
  refreshWhenOver?: boolean;
}) {
  const router = useRouter();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const isOver = now >= Date.parse(endsAt);
  useEffect(() => {
    if (refreshWhenOver && isOver) router.refresh();
  }, [refreshWhenOver, isOver, router]);
  // the server's minute and the browser's may differ by one: the browser's wins without a warning
  return <span suppressHydrationWarning>{(short ? describeDistance : describeStart)(new Date(startsAt), new Date(endsAt), new Date(now))}</span>;
}
