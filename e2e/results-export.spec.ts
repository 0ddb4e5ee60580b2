import { readFile } from "node:fs/promises";
import { readDocx, readPdf } from "../server/services/results/export/read-back";
import { expect, test } from "./fixtures";

const sectionTitles = [
  "Gesamtbild und Empfehlungen",
  "Strategie – Was soll gemacht werden?",
  "Organisation – Wer soll es machen?",
  "Umsetzung – Wie soll es gemacht werden?",
  "Technik – Womit soll es gemacht werden?",
];
const internalLink = /\/(arbeitsgruppen\/[^/]+\/themen|beitraege)\//;

test("[results-export] a reader downloads version 1 as a tagged PDF, a Word file and Markdown", async ({ asReader }) => {
  test.slow();
  const pdfResponse = await asReader.request.get("/api/ergebnisse/versionen/1/pdf");
  expect(pdfResponse.status()).toBe(200);
  expect(pdfResponse.headers()["content-type"]).toBe("application/pdf");
  expect(pdfResponse.headers()["content-disposition"]).toBe('attachment; filename="GDST-Ergebnisdokument-v1.pdf"');
  expect(pdfResponse.headers()["cache-control"]).toBe("private, no-store");
  const pdf = await readPdf(await pdfResponse.body());
  expect(pdf.marked).toBe(true);
  expect(pdf.language).toBe("de");
  expect(pdf.title).toBe("Ergebnisdokument Gemeinsam Digital für Sachsen-Anhalt");
  expect(pdf.outline.map((item) => item.title)).toEqual(sectionTitles);
  for (const role of ["H1", "H2", "P", "L", "Table", "Link"]) expect(pdf.roles).toContain(role);
  const text = pdf.text.replace(/\s+/g, " ");
  expect(text).toContain("Version 1 vom");
  expect(text).toContain("Bürgerinnen, Bürger und Unternehmen");
  expect(pdf.links.filter((url) => internalLink.test(url))).toEqual([]);

  const docxResponse = await asReader.request.get("/api/ergebnisse/versionen/1/docx");
  expect(docxResponse.status()).toBe(200);
  expect(docxResponse.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  expect(docxResponse.headers()["content-disposition"]).toBe('attachment; filename="GDST-Ergebnisdokument-v1.docx"');
  const html = await readDocx(await docxResponse.body());
  for (const title of sectionTitles) expect(html).toContain(`<h1>${title}</h1>`);
  expect(html).toContain("<h2>Die wichtigsten Empfehlungen</h2>");
  expect(html).toMatch(/<ol><li><strong>Nachnutzen statt neu bauen:/);
  expect(html).toMatch(/<table>/);
  expect(html).not.toMatch(/<a href="[^"]*\/(arbeitsgruppen\/[^/]+\/themen|beitraege)\//);

  const mdResponse = await asReader.request.get("/api/ergebnisse/versionen/1/md");
  expect(mdResponse.status()).toBe(200);
  expect(mdResponse.headers()["content-type"]).toBe("text/markdown; charset=utf-8");
  const markdown = await mdResponse.text();
  expect(markdown).toMatch(/^# Ergebnisdokument Gemeinsam Digital für Sachsen-Anhalt\n/);
  for (const title of sectionTitles) expect(markdown).toContain(`\n## ${title}\n`);
  expect(markdown).not.toMatch(internalLink);
});

test("[results-export] opening the PDF address in the browser downloads the file under its name", async ({ asReader }) => {
  test.slow();
  const download = asReader.waitForEvent("download");
  await asReader.goto("/api/ergebnisse/versionen/1/pdf").catch(() => {
    // Chromium reports the navigation as aborted: it became a download
  });
  const file = await download;
  expect(file.suggestedFilename()).toBe("GDST-Ergebnisdokument-v1.pdf");
  const pdf = await readPdf(await readFile((await file.path())!));
  expect(pdf.outline.map((item) => item.title)).toEqual(sectionTitles);
});

test("[results-export] signed out, unknown versions and formats get German answers, never a server error", async ({ asReader, playwright, baseURL }) => {
  const signedOut = await playwright.request.newContext({ baseURL });
  try {
    const refused = await signedOut.get("/api/ergebnisse/versionen/1/pdf");
    expect(refused.status()).toBe(401);
    expect(refused.headers()["content-type"]).toContain("text/plain");
    expect(await refused.text()).toBe("Bitte melden Sie sich an, um das Ergebnisdokument herunterzuladen.");
  } finally {
    await signedOut.dispose();
  }
  const answers: [string, number, RegExp][] = [
    ["/api/ergebnisse/versionen/abc/pdf", 404, /Diese Version des Ergebnisdokuments gibt es nicht\./],
    ["/api/ergebnisse/versionen/0/pdf", 404, /Diese Version des Ergebnisdokuments gibt es nicht\./],
    ["/api/ergebnisse/versionen/999999/pdf", 404, /Diese Version des Ergebnisdokuments gibt es nicht\./],
    ["/api/ergebnisse/versionen/99999/docx", 404, /Diese Version des Ergebnisdokuments gibt es nicht\./],
    ["/api/ergebnisse/versionen/1/exe", 404, /Dieses Format gibt es für das Ergebnisdokument nicht/],
    ["/api/ergebnisse/versionen/1/PDF%00", 404, /Dieses Format gibt es für das Ergebnisdokument nicht/],
  ];
  for (const [url, status, message] of answers) {
    const response = await asReader.request.get(url);
    expect(response.status(), url).toBe(status);
    expect(await response.text(), url).toMatch(message);
  }
});
