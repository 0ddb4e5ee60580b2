import type { Page } from "@playwright/test";
import { ozgPhaseInfo, type OzgPhase } from "../server/schemas/ozg";
import { expect, expectAccessible, horizontalOverflow, screens, test, testTag, trpc } from "./fixtures";

// 10304 Heimarbeitsanzeige: no other spec looks at it. Its phase changes with every run of this spec.
const OZG_ID = "10304";
const SERVICE_NAME = "Heimarbeitsanzeige";
// rows that change nothing (an empty phase keeps the phase): with them the two broken rows are 10 % of 20, not more
const UNCHANGED_IDS = ["10300", "10301", "10302", "10303", "10305", "10306", "10307", "10308", "10309", "10310", "10311", "10312", "10313", "10314", "10315", "10316", "10318"];

async function uploadFile(page: Page, name: string, content: Buffer, mimeType = "text/csv") {
  await page.goto("/ozg/import");
  await page.getByLabel("Nachnutzungsübersicht (CSV oder XLSX)").setInputFiles({ name, mimeType, buffer: content });
  await page.getByRole("button", { name: "Datei prüfen" }).click();
}

test.describe.configure({ mode: "serial" });

test("[ozg-import] moderation uploads a file with a change and errors, reads the dry run, applies it; history and the follower's bell show it; the same file again changes nothing", async ({
  asModerator,
  users,
}, testInfo) => {
  test.slow();
  const follower = await users.invite({ name: "Fiona Folgt" });
  const followerPage = await users.pageOf(follower);
  expect((await trpc(followerPage.request, "ozg.follow", { ozgId: OZG_ID })).error, "ozg.follow").toBeUndefined();

  const { data: listed } = await trpc(asModerator.request, "ozg.list", { query: OZG_ID }, "query");
  const before = (listed.rows as { ozgId: string; phase: OzgPhase }[]).find((row) => row.ozgId === OZG_ID)!.phase;
  const after: OzgPhase = before === "PILOT" ? "ROLLOUT" : "PILOT";
  const fileName = `Nachnutzungsuebersicht-${testTag(testInfo)}.csv`;
  // Windows-1252 with commas, as Excel writes "CSV (Trennzeichen-getrennt)" with English list settings; "Letzte Änderung" is not read
  const lines = [
    "OZG-ID,Phase,Letzte Änderung",
    `${OZG_ID},"${ozgPhaseInfo[after].label}",x`,
    ...UNCHANGED_IDS.slice(0, 8).map((id) => `${id},,`),
    "10317,9. Fertig,", // line 11: unknown phase
    ...UNCHANGED_IDS.slice(8).map((id) => `${id},,`),
    ",4,", // line 21: no ID
  ];
  const file = Buffer.from(`${lines.join("\r\n")}\r\n`, "latin1");

  // the upload shows its progress; the route is held until the test has seen it
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await asModerator.route("**/api/ozg/import", async (route) => {
    const response = await route.fetch();
    await held;
    await route.fulfill({ response });
  });
  await uploadFile(asModerator, fileName, file);
  await expect(asModerator.getByRole("progressbar", { name: "Fortschritt des Hochladens" })).toBeVisible();
  await expect(asModerator.getByRole("status").filter({ hasText: /Datei wird (hochgeladen|geprüft)/ })).toBeVisible();
  release();
  await asModerator.waitForURL(/\/ozg\/import\/[0-9a-f-]{36}$/);
  await asModerator.unroute("**/api/ozg/import");
  const dryRunUrl = asModerator.url();

  await expect(asModerator.getByRole("heading", { level: 1 })).toHaveText(`Probe: ${fileName}`);
  const errors = asModerator.getByRole("table", { name: "Fehler nach Zeile" });
  await expect(errors.getByRole("row").filter({ hasText: "Unbekannte Phase „9. Fertig“" })).toContainText("11");
  await expect(errors.getByRole("row").filter({ hasText: "Die OZG-ID fehlt." })).toContainText("21");
  const changed = asModerator.getByRole("region", { name: /^Geändert/ });
  await expect(changed.getByRole("listitem").filter({ hasText: SERVICE_NAME })).toContainText(`${ozgPhaseInfo[before].label} → ${ozgPhaseInfo[after].label}`);
  await expect(asModerator.getByText("CSV (Windows-1252, Komma)", { exact: false })).toBeVisible();
  await expectAccessible(asModerator);
  await screens(asModerator, "ozg-import-dry-run");

  await asModerator.getByRole("button", { name: "Import einspielen" }).click();
  const dialog = asModerator.getByRole("dialog", { name: "Import einspielen?" });
  await expect(dialog).toContainText("1 geänderte Leistungen");
  await dialog.getByRole("button", { name: "Jetzt einspielen" }).click();
  await expect(asModerator.getByRole("heading", { level: 1 })).toHaveText(`Import: ${fileName}`);
  await expect(asModerator.getByText("Eingespielt", { exact: true }).first()).toBeVisible();
  const record = asModerator.getByRole("table", { name: "Geänderte Felder je Leistung" });
  await expect(record.getByRole("row").filter({ hasText: SERVICE_NAME })).toContainText(ozgPhaseInfo[after].label);
  await expectAccessible(asModerator);
  await screens(asModerator, "ozg-import-record");

  // the service's history names the import
  await asModerator.goto(`/ozg/leistungen/${OZG_ID}`);
  const history = asModerator.getByRole("list", { name: "Verlauf der Leistung" });
  await expect(history.getByRole("listitem").first()).toContainText(fileName);
  await expect(history.getByRole("listitem").first()).toContainText(ozgPhaseInfo[after].label);

  // the follower's bell
  await followerPage.goto("/");
  await followerPage.getByRole("button", { name: /^Benachrichtigungen, / }).click();
  const panel = followerPage.getByRole("region", { name: "Benachrichtigungen" });
  const entry = panel.getByRole("link", { name: new RegExp(SERVICE_NAME) });
  await expect(entry).toContainText(`Phase: ${ozgPhaseInfo[before].label} → ${ozgPhaseInfo[after].label}`);
  await expect(entry).toHaveAttribute("href", `/ozg/leistungen/${OZG_ID}`);

  // the same file again: no changes, and the page says it was applied before
  await uploadFile(asModerator, fileName, file);
  await asModerator.waitForURL((url) => /\/ozg\/import\/[0-9a-f-]{36}$/.test(url.pathname) && url.href !== dryRunUrl);
  await expect(asModerator.getByRole("heading", { name: /^Geändert/ })).toContainText("(0)");
  await expect(asModerator.getByText("Eine Datei mit dieser SHA-256 wurde bereits am")).toBeVisible();
  await asModerator.getByRole("button", { name: "Verwerfen" }).click();
  await expect(asModerator.getByText("Verworfen", { exact: true }).first()).toBeVisible();

  // the list of imports names the file with its shortened hash
  await asModerator.goto("/ozg/import");
  await expect(asModerator.getByRole("link", { name: fileName }).first()).toBeVisible();
  await expectAccessible(asModerator);
  expect(await horizontalOverflow(asModerator)).toBe(0);
  await screens(asModerator, "ozg-import");
});

test("[ozg-import] a PDF renamed .csv is refused in German and nothing is listed", async ({ asModerator }, testInfo) => {
  const fileName = `tarnung-${testTag(testInfo)}.csv`;
  await uploadFile(asModerator, fileName, Buffer.from("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"));
  await expect(asModerator.getByRole("alert").filter({ hasText: "Die Datei ist eine PDF-Datei, keine Nachnutzungsübersicht." })).toBeVisible();
  await asModerator.reload();
  await expect(asModerator.getByRole("link", { name: fileName })).toHaveCount(0);
});

test("[ozg-import] participants and readers get no access to the import, neither page nor upload", async ({ asParticipant, asReader }) => {
  for (const page of [asParticipant, asReader]) {
    expect((await page.goto("/ozg/import"))?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Kein Zugriff" })).toBeVisible();
    await expect(page.getByText("Der Import der OZG-Daten ist der Moderation vorbehalten.")).toBeVisible();
    expect((await page.goto(`/ozg/import/${crypto.randomUUID()}`))?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Kein Zugriff" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Datei prüfen" })).toHaveCount(0);
    const response = await page.request.post("/api/ozg/import", { multipart: { datei: { name: "a.csv", mimeType: "text/csv", buffer: Buffer.from("OZG-ID\n10304\n") } } });
    expect(response.status()).toBe(403);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe("Dafür fehlt Ihnen die Berechtigung.");
  }
});
