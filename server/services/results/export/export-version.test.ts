import assert from "node:assert/strict";
import { test } from "node:test";
import { ZodError } from "zod";
import { rejectsWithAppError } from "../../../test/assertions";
import { openTestDatabase } from "../../../test/test-db";
import { setResultsPublic } from "../set-public";
import { renderDocx } from "./export-docx";
import { renderMarkdown } from "./export-markdown";
import { renderPdf } from "./export-pdf";
import { exportResultVersion } from "./export-version";
import { absoluteUrl, type ExportDocument } from "./model";
import { readDocx, readPdf } from "./read-back";

const { actors } = await openTestDatabase();
const { reader, participant, moderator } = actors;

const internalLink = /\/(arbeitsgruppen\/[^/]+\/themen|beitraege)\//;

test("[results-export] the PDF of version 1 is tagged, German, titled, with bookmarks, structure and selectable text", async () => {
  const started = performance.now();
  const file = await exportResultVersion(participant, { number: 1, format: "pdf" });
  const elapsed = Math.round(performance.now() - started);
  assert.equal(file.fileName, "GDST-Ergebnisdokument-v1.pdf");
  assert.equal(file.contentType, "application/pdf");
  assert.equal(file.body.subarray(0, 8).toString(), "%PDF-1.7");
  const pdf = await readPdf(file.body);
  assert.equal(pdf.marked, true);
  assert.equal(pdf.language, "de");
  assert.equal(pdf.title, "Ergebnisdokument Gemeinsam Digital für Sachsen-Anhalt");
  assert.equal(pdf.author, "Gemeinsam Digital für Sachsen-Anhalt");
  assert.deepEqual(
    pdf.outline.map((item) => item.title),
    ["Gesamtbild und Empfehlungen", "Strategie – Was soll gemacht werden?", "Organisation – Wer soll es machen?", "Umsetzung – Wie soll es gemacht werden?", "Technik – Womit soll es gemacht werden?"],
  );
  assert.ok(pdf.outline[0]!.items.includes("Die wichtigsten Empfehlungen"));
  for (const role of ["Document", "H1", "H2", "H3", "P", "L", "LI", "LBody", "Table", "TR", "TH", "TD", "Link"]) assert.ok(pdf.roles.includes(role), `structure has ${role}`);
  const text = pdf.text.replace(/\s+/g, " ");
  assert.match(text, /Version 1 vom \d\d\.\d\d\.\d{4}/);
  assert.match(text, /Inhalt/);
  assert.match(text, /Bürgerinnen, Bürger und Unternehmen/);
  assert.match(text, /Quellen/);
  assert.match(text, /Seite 1 von \d+/);
  // participants open the internal threads: their sources are real, absolute links
  assert.ok(pdf.links.some((url) => /^https?:\/\/[^/]+\/arbeitsgruppen\/umsetzung\/themen\//.test(url)));
  console.log(`[results-export] demo v1 PDF: ${file.body.length} bytes in ${elapsed} ms, ${pdf.pages} pages`);
});

test("[results-export] the Word file of version 1 has headings, real lists, a table, links and the text", async () => {
  const file = await exportResultVersion(moderator, { number: 1, format: "docx" });
  assert.equal(file.fileName, "GDST-Ergebnisdokument-v1.docx");
  assert.equal(file.contentType, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  const html = await readDocx(file.body);
  assert.match(html, /<h1>Gesamtbild und Empfehlungen<\/h1>/);
  assert.match(html, /<h2>Die wichtigsten Empfehlungen<\/h2>/);
  assert.match(html, /<h2>Quellen<\/h2>/);
  assert.match(html, /<ol><li><strong>Nachnutzen statt neu bauen:<\/strong>/);
  assert.match(html, /<ul><li>/);
  assert.match(html, /<table>.*Priorität.*<\/table>/s);
  assert.match(html, /<a href="https?:\/\/[^"]+\/spotlights\/[0-9a-f-]+">/);
  assert.doesNotMatch(html, /•/);
  assert.match(html, /Version 1 vom/);
  console.log(`[results-export] demo v1 DOCX: ${file.body.length} bytes`);
});

test("[results-export] the Markdown file keeps the sections under the title and the sources as absolute links", async () => {
  const file = await exportResultVersion(moderator, { number: 1, format: "md" });
  assert.equal(file.contentType, "text/markdown; charset=utf-8");
  const text = file.body.toString("utf8");
  assert.match(text, /^# Ergebnisdokument Gemeinsam Digital für Sachsen-Anhalt\n/);
  assert.match(text, /\n## Strategie – Was soll gemacht werden\?\n/);
  assert.match(text, /\n### Die wichtigsten Empfehlungen\n/);
  assert.doesNotMatch(text, /\n## Die wichtigsten/);
  assert.match(text, /\n### Quellen\n\n- \[[^\]]+\]\(<https?:\/\/[^>]+\/spotlights\/[0-9a-f-]+>\)/);
  assert.match(text, /\]\(https?:\/\/[^)]+\/spotlights\/[0-9a-f-]+\)/, "links in the text are absolute");
  assert.doesNotMatch(text, /\]\(\/(spotlights|arbeitsgruppen)/);
  console.log(`[results-export] demo v1 Markdown: ${file.body.length} bytes`);
});

test("[results-export] readers get the sources' titles but no link into internal threads, in every format", async () => {
  const pdf = await readPdf((await exportResultVersion(reader, { number: 1, format: "pdf" })).body);
  assert.ok(!pdf.links.some((url) => internalLink.test(url.replace(/^https?:\/\/[^/]+/, ""))), pdf.links.join("\n"));
  assert.match(pdf.text.replace(/\s+/g, " "), /Zeitplan für die Einführung der E-Akte/);
  const docx = await readDocx((await exportResultVersion(reader, { number: 1, format: "docx" })).body);
  assert.doesNotMatch(docx, /<a href="[^"]*\/(arbeitsgruppen\/[^/]+\/themen|beitraege)\//);
  assert.match(docx, /Zeitplan für die Einführung der E-Akte/);
  const markdown = (await exportResultVersion(reader, { number: 1, format: "md" })).body.toString("utf8");
  assert.match(markdown, /- Zeitplan für die Einführung der E-Akte in den Kommunen/);
  assert.match(markdown, /Grundlage: Zeitplan für die Einführung der E-Akte und/, "the link in the text stays its text");
  assert.doesNotMatch(markdown, internalLink);
});

test("[results-export] unknown versions, garbage formats and visitors of a non-public document are refused", async () => {
  await rejectsWithAppError(() => exportResultVersion(reader, { number: 999, format: "pdf" }), "VERSION_NOT_FOUND");
  for (const input of [{ number: 1, format: "exe" }, { number: "1", format: "pdf" }, { number: 0, format: "pdf" }, { number: 1 }, null, "1/pdf"]) {
    await assert.rejects(
      () => exportResultVersion(reader, input),
      (error: unknown) => error instanceof ZodError && !/Invalid|Expected|Required/.test(error.issues[0]!.message),
    );
  }
  await rejectsWithAppError(() => exportResultVersion(null, { number: 1, format: "pdf" }), "UNAUTHORIZED");
  try {
    await setResultsPublic(moderator, { isPublic: true });
    const file = await exportResultVersion(null, { number: 1, format: "md" });
    assert.match(file.body.toString("utf8"), /Gesamtbild und Empfehlungen/);
    assert.doesNotMatch(file.body.toString("utf8"), internalLink);
  } finally {
    await setResultsPublic(moderator, { isPublic: false });
  }
  await rejectsWithAppError(() => exportResultVersion(null, { number: 1, format: "docx" }), "UNAUTHORIZED");
});

const hostile: ExportDocument = {
  linkUrl: (url) => absoluteUrl(url),
  title: "Ergebnisdokument Prüfung",
  number: 7,
  note: "Änderungen 🎉 mit Umlauten äöüß",
  publishedAt: new Date("2026-11-02T10:00:00Z"),
  sections: [
    {
      sectionId: "00000000-0000-4000-8000-000000000001",
      title: `Überlange Wörter ${"x".repeat(200)}`,
      markdown: [
        `Ein Wort ohne Pause: ${"Donaudampfschifffahrt".repeat(10)} und Emoji 🎉👩‍💻🇩🇪 mitten im Satz.`,
        "",
        "## Tabelle und Listen",
        "",
        "| Spalte A | Spalte B | Spalte C |",
        "|:--|:-:|--:|",
        `| ${"y".repeat(200)} | **fett** | 3 |`,
        "| Ä | Ö | Ü |",
        "",
        "1. Erster Punkt",
        "   - verschachtelt *kursiv*",
        "     1. noch tiefer [mit Link](/spotlights/00000000-0000-4000-8000-000000000002)",
        "2. Zweiter Punkt",
        "",
        "- [x] erledigt",
        "- [ ] offen",
        "",
        "<script>alert(1)</script>",
        "",
        "> Ein Zitat mit `Code`",
        "",
        "```",
        "const a = 1;",
        "```",
        "",
        "---",
        "",
        "Fußnote[^1].",
        "",
        "[^1]: Die Fußnote.",
      ].join("\n"),
      sources: [{ kind: "SPOTLIGHT", sourceId: "00000000-0000-4000-8000-000000000002", label: "SP-0002: Über Spotlights", href: "/spotlights/00000000-0000-4000-8000-000000000002" }],
    },
  ],
};

test("[results-export] 200-character words, emoji, raw HTML, a table and nested lists do not break any format", async () => {
  const pdf = await readPdf(await renderPdf(hostile));
  const text = pdf.text.replace(/\s+/g, "");
  assert.ok(text.includes("x".repeat(200)), "the long title is there, broken over lines");
  assert.ok(text.includes("y".repeat(200)));
  assert.ok(text.includes("<script>alert(1)</script>"));
  assert.ok(text.includes("äöüß"));
  for (const role of ["Table", "TH", "TD", "L", "LI", "Lbl", "LBody", "Link", "BlockQuote", "H3"]) assert.ok(pdf.roles.includes(role), `structure has ${role}`);
  assert.deepEqual(pdf.outline[0]!.items, ["Tabelle und Listen", "Quellen"]);
  assert.ok(pdf.links.some((url) => url.endsWith("/spotlights/00000000-0000-4000-8000-000000000002") && /^https?:\/\//.test(url)));

  const html = await readDocx(await renderDocx(hostile));
  assert.match(html, /<table>/);
  assert.match(html, /<ol><li>Erster Punkt<ul><li>verschachtelt <em>kursiv<\/em><ol><li>noch tiefer <a href="https?:\/\/[^"]+\/spotlights\/00000000-0000-4000-8000-000000000002">mit Link<\/a><\/li><\/ol><\/li><\/ul><\/li><li>Zweiter Punkt<\/li><\/ol>/);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(html, /🎉/);

  const markdown = renderMarkdown(hostile);
  assert.match(markdown, /\n### Tabelle und Listen\n/);
  assert.match(markdown, /\(https?:\/\/[^)]+\/spotlights\/00000000-0000-4000-8000-000000000002\)/);
});
