import nodemailer from "nodemailer";
import { env } from "../../env";
import { log } from "../../log";
import { trackWork } from "../../lifecycle/in-flight";
import { sendDueDigests } from "./digest";

/** Often enough that a digest is at most a few minutes late, rarely enough to cost nothing. */
const INTERVAL_MS = 5 * 60 * 1000;

/**
 * Sends due digests every few minutes in this process. Several processes may all run it:
 * sendDueDigests claims each digest so that only one sends it. Without SMTP_URL nothing is sent.
 */
export function startDigestScheduler(): { stop(): void } {
  if (!env.smtpUrl) {
    log().info("SMTP_URL ist nicht gesetzt: Zusammenfassungen per E-Mail werden nicht verschickt.");
    return { stop() {} };
  }
  const transport = nodemailer.createTransport(env.smtpUrl);
  let running = false;
  let current: Promise<unknown> = Promise.resolve();
  const run = async () => {
    if (running) return;
    running = true;
    try {
      // a run under way when the process stops finishes (digests are marked sent before mailing)
      current = trackWork(sendDueDigests({ transport }));
      const sent = (await current) as number;
      if (sent) log().info(`${sent} Zusammenfassungen per E-Mail verschickt.`);
    } catch (error) {
      log().error({ err: error }, "Zusammenfassungen per E-Mail: Lauf fehlgeschlagen");
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void run(), INTERVAL_MS);
  timer.unref();
  const first = setTimeout(() => void run(), 30_000);
  first.unref();
  return {
    stop() {
      clearInterval(timer);
      clearTimeout(first);
      // a run under way still mails with it
      void current.finally(() => transport.close());
    },
  };
}
