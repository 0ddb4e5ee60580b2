// `npm run user:create-admin -- --email … --name … --organisation …`: the first administrator of a
// production installation (demo accounts are not seeded there). The password comes from
// ADMIN_PASSWORD or is asked for on the terminal without echo.
import { parseArgs } from "node:util";
import readline from "node:readline";
import { newPasswordSchema } from "../server/schemas/auth";
import { emailSchema } from "../server/schemas/common";
import { organisationSchema, personNameSchema } from "../server/schemas/user";
import { startDatabase } from "../server/db/start-database";
import { createUser } from "../server/services/users/create-user";
import { AppError } from "../server/errors";

function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (text: string) => void; output: NodeJS.WriteStream };
    output._writeToOutput = (text: string) => {
      if (text.includes(question)) output.output.write(text);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, organisation: { type: "string" } },
});

const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};

const email = emailSchema.safeParse(values.email ?? "");
if (!email.success) fail(`--email: ${email.error?.issues[0].message}`);
const name = personNameSchema.safeParse(values.name ?? "");
if (!name.success) fail(`--name: ${name.error?.issues[0].message}`);
const organisation = organisationSchema.safeParse(values.organisation ?? "Plattformbetrieb");
if (!organisation.success) fail(`--organisation: ${organisation.error?.issues[0].message}`);

const password = process.env.ADMIN_PASSWORD ?? (await askHidden("Passwort für den neuen Zugang: "));
const checked = newPasswordSchema.safeParse(password);
if (!checked.success) fail(checked.error!.issues[0].message);

const database = await startDatabase({ seedDemo: false });
try {
  const user = await createUser({ email: email.data!, name: name.data!, organisation: organisation.data!, role: "ADMIN", password });
  console.log(`Administrationszugang ${user.email} wurde angelegt.`);
} catch (error) {
  if (error instanceof AppError) fail(error.message);
  throw error;
} finally {
  await database.close();
}
