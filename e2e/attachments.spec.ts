import type { Page } from "@playwright/test";
import { sampleExe, samplePdf, samplePng } from "../seeds/sample-files";
import { formatFileSize } from "../server/schemas/attachments";
import { expect, expectAccessible, screens, test, trpc, waitForLive } from "./fixtures";
import { ThreadPage } from "./pages/thread-page";

const TYPE_REFUSED =
  "Diese Datei kann nicht angehängt werden: erlaubt sind PDF, Word, Excel, PowerPoint, OpenDocument sowie Bilder (PNG, JPEG, GIF, WebP). Geprüft wird der Inhalt der Datei, nicht ihr Name.";
const TOO_LARGE = "Die Datei ist größer als 10 MB und kann nicht angehängt werden.";

/** A 480×240 picture with bands of colour, so a screenshot shows that the image is really there. */
const tafelbild = () =>
  samplePng(480, 240, (x, y) => (y < 80 ? [0, 90, 160] : y < 160 ? [250, 200, 40] : [40 + Math.round((x / 480) * 160), 150, 90]));

/** Chooses files through the "Datei anhängen" button (clicked, or with the keyboard), as a person would with the file dialog. */
async function attach(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[], { keyboard = false } = {}) {
  const chooser = page.waitForEvent("filechooser");
  const button = page.getByRole("button", { name: "Datei anhängen" });
  if (keyboard) {
    await button.focus();
    await page.keyboard.press("Enter");
  } else {
    await button.click();
  }
  await (await chooser).setFiles(files);
}

const chosenFile = (page: Page, name: string) => page.getByRole("list", { name: "Ausgewählte Dateien" }).getByRole("listitem").filter({ hasText: name });

test("[attachments] participant attaches a PDF and an image with alt text; another browser sees them live and downloads the PDF", async ({
  asParticipant,
  asParticipant2,
  make,
}) => {
  // two browsers, uploads and two accessibility scans: more than the default minute on a busy machine
  test.slow();
  const thread = await make.thread({ title: make.name("Rahmenkonzept mit Anhang") });
  const author = new ThreadPage(asParticipant);
  await author.goto(thread.url);
  const reader = new ThreadPage(asParticipant2);
  await reader.goto(thread.url);
  await waitForLive(asParticipant2);

  const pdf = samplePdf("Entwurf Rahmenkonzept", ["Gemeinsam Digital für Sachsen-Anhalt – Arbeitsgruppe Technik"]);
  const body = make.name("Anbei der Entwurf und das Tafelbild");
  await author.composer.fill(body);
  await attach(asParticipant, [
    { name: "Entwurf Rahmenkonzept März.pdf", mimeType: "application/pdf", buffer: pdf },
    { name: "Tafelbild.png", mimeType: "image/png", buffer: tafelbild() },
  ]);
  await expect(chosenFile(asParticipant, "Entwurf Rahmenkonzept März.pdf")).toContainText("PDF-Dokument, angehängt");
  await expect(chosenFile(asParticipant, "Tafelbild.png")).toContainText("PNG-Bild, angehängt");

  // an image without a description is held back, with the field named and focused
  await author.send.click();
  const alt = chosenFile(asParticipant, "Tafelbild.png").getByLabel("Bildbeschreibung (Alternativtext)");
  await expect(alt).toBeFocused();
  await expect(chosenFile(asParticipant, "Tafelbild.png")).toContainText("Bitte beschreiben Sie das Bild in wenigen Worten.");
  await expect(author.post(body)).toHaveCount(0);
  await screens(asParticipant, "attachments-composer");
  await expectAccessible(asParticipant);

  await alt.fill("Tafelbild mit den drei Zielen der Arbeitsgruppe");
  await author.send.click();
  await expect(author.composer).toHaveValue("");
  await expect(asParticipant.getByRole("list", { name: "Ausgewählte Dateien" })).toHaveCount(0);
  await expect(author.post(body).getByRole("img", { name: "Tafelbild mit den drei Zielen der Arbeitsgruppe" })).toBeVisible();

  // the second browser, without a reload
  const post = reader.post(body);
  await expect(post).toHaveCount(1);
  const image = post.getByRole("img", { name: "Tafelbild mit den drei Zielen der Arbeitsgruppe" });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(480);
  const download = post.getByRole("list", { name: "Anhänge" }).getByRole("link", { name: /Entwurf Rahmenkonzept März\.pdf/ });
  await expect(download).toContainText(`(PDF-Dokument, ${formatFileSize(pdf.length)})`);
  await screens(asParticipant2, "attachments-post");
  await expectAccessible(asParticipant2);

  const response = await asParticipant2.request.get((await download.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["content-disposition"]).toBe(
    `inline; filename="Entwurf Rahmenkonzept Marz.pdf"; filename*=UTF-8''Entwurf%20Rahmenkonzept%20M%C3%A4rz.pdf`,
  );
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(response.headers()["cache-control"]).toBe("private, no-cache");
  expect(Buffer.from(await response.body()).equals(pdf)).toBe(true);

  // the image opens in full size in a new tab
  const [tab] = await Promise.all([asParticipant2.context().waitForEvent("page"), image.click()]);
  await tab.waitForLoadState();
  expect(tab.url()).toMatch(/\/api\/anhaenge\/[0-9a-f-]{36}$/);
  await tab.close();
});

test("[attachments] an .exe renamed to .pdf and a file over 10 MB are refused with a German message, in the browser and over HTTP", async ({
  asParticipant,
  make,
}) => {
  // sends 10 MB twice
  test.slow();
  const thread = await make.thread({ title: make.name("Abgelehnte Anhänge") });
  const author = new ThreadPage(asParticipant);
  await author.goto(thread.url);

  await attach(asParticipant, [
    { name: "Rechnung.pdf", mimeType: "application/pdf", buffer: sampleExe() },
    { name: "Scan groß.pdf", mimeType: "application/pdf", buffer: Buffer.concat([samplePdf("Groß"), Buffer.alloc(10 * 1024 * 1024, 0x20)]) },
  ], { keyboard: true });
  await expect(chosenFile(asParticipant, "Rechnung.pdf")).toContainText(TYPE_REFUSED);
  await expect(chosenFile(asParticipant, "Scan groß.pdf")).toContainText(TOO_LARGE);
  await expect(chosenFile(asParticipant, "Scan groß.pdf")).toContainText("(10 MB)");

  // nothing is sent while refused files are listed; removing them lets the post go out
  const body = make.name("Ohne die abgelehnten Dateien");
  await author.composer.fill(body);
  await author.send.click();
  await expect(asParticipant.getByRole("alert").filter({ hasText: "Bitte entfernen Sie die Dateien, die nicht angehängt werden konnten." })).toBeVisible();
  await expect(asParticipant.getByRole("button", { name: "Entfernen (Rechnung.pdf)" })).toBeFocused();
  await screens(asParticipant, "attachments-refused");
  await expectAccessible(asParticipant);
  await asParticipant.getByRole("button", { name: "Entfernen (Rechnung.pdf)" }).click();
  await asParticipant.getByRole("button", { name: "Entfernen (Scan groß.pdf)" }).click();
  await author.send.click();
  await expect(author.post(body)).toHaveCount(1);
  await expect(author.post(body).getByRole("list", { name: "Anhänge" })).toHaveCount(0);

  // the server refuses the same on its own, whatever the page checks
  const upload = (name: string, buffer: Buffer) =>
    asParticipant.request.post(`/api/anhaenge?thema=${thread.id}`, { multipart: { datei: { name, mimeType: "application/pdf", buffer } }, failOnStatusCode: false });
  const exe = await upload("Rechnung.pdf", sampleExe());
  expect(exe.status()).toBe(415);
  expect((await exe.json()).error.message).toBe(TYPE_REFUSED);
  const large = await upload("gross.pdf", Buffer.concat([samplePdf("Groß"), Buffer.alloc(10 * 1024 * 1024, 0x20)]));
  expect(large.status()).toBe(413);
  expect((await large.json()).error.message).toBe(TOO_LARGE);
});

test("[attachments] a file is not served to a reader, a signed-out visitor or by a made-up URL; someone else's upload cannot be attached", async ({
  asParticipant,
  asParticipant2,
  asReader,
  browser,
  make,
}) => {
  const thread = await make.thread({ title: make.name("Interne Anlage") });
  const uploaded = await asParticipant.request.post(`/api/anhaenge?thema=${thread.id}`, {
    multipart: { datei: { name: "Intern.pdf", mimeType: "application/pdf", buffer: samplePdf("Intern") } },
  });
  expect(uploaded.status()).toBe(201);
  const { attachment } = await uploaded.json();
  const url = `/api/anhaenge/${attachment.id}`;

  // not sent yet: only the uploader sees it, and nobody else can send it
  expect((await asParticipant2.request.get(url, { failOnStatusCode: false })).status()).toBe(404);
  const stolen = await trpc(asParticipant2.request, "post.create", {
    id: crypto.randomUUID(),
    threadId: thread.id,
    body: "Fremde Datei",
    attachments: [{ id: attachment.id }],
  });
  expect(stolen.error?.message).toBe("Eine angehängte Datei gibt es nicht (mehr). Bitte hängen Sie sie erneut an.");

  const sent = await trpc(asParticipant.request, "post.create", { id: crypto.randomUUID(), threadId: thread.id, body: "Anlage", attachments: [{ id: attachment.id }] });
  expect(sent.error).toBeUndefined();
  expect((await asParticipant2.request.get(url)).status()).toBe(200);

  const forReader = await asReader.request.get(url, { failOnStatusCode: false });
  expect(forReader.status()).toBe(404);
  expect(await forReader.text()).toBe("Diese Datei gibt es nicht (mehr).");
  const signedOut = await browser.newContext();
  const anonymous = await signedOut.request.get(url, { failOnStatusCode: false });
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.text()).toBe("Bitte melden Sie sich an.");
  await signedOut.close();
  for (const made of [`/api/anhaenge/${crypto.randomUUID()}`, "/api/anhaenge/..%2F..%2Fetc%2Fpasswd", "/api/anhaenge/%E0%A4%A", `/api/anhaenge/${"x".repeat(3000)}`]) {
    const response = await asParticipant.request.get(made, { failOnStatusCode: false });
    expect(response.status(), made).toBe(404);
  }

  // the page of a reader never links the file: the thread itself is closed to them
  await asReader.goto(thread.url);
  await expect(asReader.getByRole("link", { name: /Intern\.pdf/ })).toHaveCount(0);
});
