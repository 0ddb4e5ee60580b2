// `npm run digest:send`: sends every e-mail digest that is due now, as the server's scheduler does
// every few minutes. For operators who run it from cron instead, or want to see it happen. Safe
// while the app runs on PostgreSQL (a digest is claimed before sending); on an embedded ./data
// stop the app first (one process owns it).
import nodemailer from "nodemailer";
import { startDatabase } from "../server/db/start-database";
import { env } from "../server/env";
import { sendDueDigests } from "../server/services/notifications/digest";

if (!env.smtpUrl) {
  console.error("SMTP_URL ist nicht gesetzt: es wird nichts verschickt.");
  process.exit(1);
}
const database = await startDatabase({ seedDemo: false }).catch((error: Error) => {
  console.error(`Zusammenfassungen können nicht verschickt werden: ${error.message}`);
  process.exit(1);
});
const transport = nodemailer.createTransport(env.smtpUrl);
try {
  const sent = await sendDueDigests({ transport });
  console.log(sent ? `${sent} Zusammenfassungen per E-Mail verschickt.` : "Keine Zusammenfassung fällig.");
} finally {
  transport.close();
  await database.close();
}
