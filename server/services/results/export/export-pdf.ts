import path from "node:path";
import type { List, ListItem, PhrasingContent, RootContent, Table } from "mdast";
import PDFDocument from "pdfkit";
import { absoluteUrl, EXPORT_AUTHOR, parseSection, plainText, versionLine, type ExportDocument } from "./model";

/** Read from the repository at run time (the server runs from its root): the PDF embeds real fonts, so text stays selectable and umlauts render. */
const fontDir = () => path.join(process.cwd(), "server/services/results/export/fonts");
const fonts = { body: "DejaVuSans.ttf", bold: "DejaVuSans-Bold.ttf", italic: "DejaVuSans-Oblique.ttf", boldItalic: "DejaVuSans-BoldOblique.ttf", mono: "DejaVuSansMono.ttf" } as const;
type FontName = keyof typeof fonts;

const BODY_SIZE = 10.5;
const headingSizes: Record<number, number> = { 1: 22, 2: 16, 3: 13, 4: 11.5, 5: 11, 6: 10.5 };
const LINK_COLOR = "#1d4f91";
const TEXT_COLOR = "#1a1a1a";
const LIST_INDENT = 18;

type Struct = PDFKit.PDFStructureElement;

interface Run {
  text: string;
  font: FontName;
  strike?: boolean;
  link: string | null;
}

/**
 * The version as a tagged PDF (PDF 1.7, language de): a structure tree (Document, H1–H6, P, L/LI/Lbl/LBody,
 * Table/TR/TH/TD, Link), bookmarks per section and heading, a table of contents with links, and
 * "Seite X von Y" in the footer as an artifact, outside the structure.
 */
export async function renderPdf(document: ExportDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    pdfVersion: "1.7",
    tagged: true,
    lang: "de",
    displayTitle: true,
    bufferPages: true,
    size: "A4",
    margins: { top: 64, bottom: 72, left: 64, right: 64 },
    info: { Title: document.title, Author: EXPORT_AUTHOR, Subject: `Version ${document.number}`, CreationDate: document.publishedAt, Keywords: "Ergebnisdokument, GDST" },
    autoFirstPage: true,
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  for (const [name, file] of Object.entries(fonts)) doc.registerFont(name, path.join(fontDir(), file));
  new PdfWriter(doc).write(document);
  return finished;
}

class PdfWriter {
  private readonly left: number;
  private readonly right: number;
  private outlineStack: PDFKit.PDFOutline[] = [];

  private linkUrl: (url: string) => string | null = () => null;

  constructor(private readonly doc: PDFKit.PDFDocument) {
    this.left = doc.page.margins.left;
    this.right = doc.page.width - doc.page.margins.right;
  }

  write(document: ExportDocument): void {
    const { doc } = this;
    this.linkUrl = document.linkUrl;
    const root = doc.struct("Document");
    doc.addStructure(root);
    doc.fillColor(TEXT_COLOR);

    this.heading(root, 1, document.title, null);
    this.paragraph(root, [{ text: versionLine(document), font: "bold", link: null }], 0);
    if (document.note) this.paragraph(root, [{ text: `Änderungsnotiz: ${document.note}`, font: "body", link: null }], 0);
    doc.moveDown(0.5);

    // the table of contents links to each section's heading
    this.heading(root, 2, "Inhalt", null);
    const toc = doc.struct("TOC");
    root.add(toc);
    for (const [index, section] of document.sections.entries()) {
      const item = doc.struct("TOCI");
      toc.add(item);
      const link = doc.struct("Link");
      item.add(link);
      link.add(() => {
        doc.font("body").fontSize(BODY_SIZE).fillColor(LINK_COLOR);
        doc.text(`${index + 1}. ${section.title}`, this.left, doc.y, { width: this.right - this.left, goTo: destination(index), underline: false });
        doc.fillColor(TEXT_COLOR);
      });
    }

    for (const [index, section] of document.sections.entries()) {
      doc.moveDown(1);
      this.outlineStack = [];
      this.heading(root, 2, section.title, destination(index));
      const sectionStruct = doc.struct("Sect");
      root.add(sectionStruct);
      for (const block of parseSection(section.markdown).children) this.block(sectionStruct, block, 0);
      if (section.sources.length) {
        this.heading(sectionStruct, 3, "Quellen", null);
        this.list(
          sectionStruct,
          section.sources.map((source) => {
            const href = source.href ? absoluteUrl(source.href) : null;
            return () => [{ text: source.label, font: "body" as const, link: href }];
          }),
          false,
          0,
        );
      }
    }
    root.end();
    this.footer();
    doc.end();
  }

  private heading(parent: Struct, level: number, text: string, namedDestination: string | null): void {
    const { doc } = this;
    const size = headingSizes[level] ?? BODY_SIZE;
    doc.font("bold").fontSize(size);
    // a heading never stands alone at the bottom of a page
    if (doc.y + size * 4 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    else if (level > 1) doc.moveDown(0.4);
    if (namedDestination) doc.addNamedDestination(namedDestination);
    if (level === 2 && namedDestination) this.outlineStack = [doc.outline.addItem(text)];
    else if (level >= 3 && this.outlineStack.length) {
      const depth = Math.min(level - 2, this.outlineStack.length);
      this.outlineStack = this.outlineStack.slice(0, depth);
      this.outlineStack.push(this.outlineStack[depth - 1]!.addItem(text));
    }
    const struct = doc.struct(`H${Math.min(level, 6)}`);
    parent.add(struct);
    struct.add(() => {
      doc.font("bold").fontSize(size).fillColor(TEXT_COLOR);
      doc.text(text, this.left, doc.y, { width: this.right - this.left });
    });
    doc.moveDown(0.3);
  }

  private block(parent: Struct, node: RootContent, indent: number): void {
    const { doc } = this;
    switch (node.type) {
      case "paragraph":
        this.paragraph(parent, this.runs(node.children, "body", null), indent);
        break;
      case "heading":
        // the section is H2: its own headings ("##" and below) start at H3
        this.heading(parent, Math.min(Math.max(node.depth + 1, 3), 6), plainText(node), null);
        break;
      case "list":
        this.markdownList(parent, node, indent);
        break;
      case "table":
        this.table(parent, node, indent);
        break;
      case "blockquote": {
        const quote = doc.struct("BlockQuote");
        parent.add(quote);
        for (const child of node.children) this.block(quote, child, indent + LIST_INDENT);
        break;
      }
      case "code":
        this.paragraph(parent, [{ text: node.value, font: "mono", link: null }], indent, "Code");
        break;
      case "footnoteDefinition": {
        const note = doc.struct("Note");
        parent.add(note);
        this.paragraph(note, [{ text: `[${node.label ?? node.identifier}]`, font: "body", link: null }], indent);
        for (const child of node.children) this.block(note, child, indent + LIST_INDENT);
        break;
      }
      case "thematicBreak": {
        doc.moveDown(0.5);
        doc.markContent("Artifact", { type: "Layout" });
        doc.moveTo(this.left + indent, doc.y).lineTo(this.right, doc.y).lineWidth(0.5).strokeColor("#999999").stroke();
        doc.endMarkedContent();
        doc.moveDown(0.5);
        break;
      }
      default:
        // definitions and the like carry no text of their own
        break;
    }
  }

  private runs(nodes: PhrasingContent[], font: FontName, link: string | null, strike = false): Run[] {
    const runs: Run[] = [];
    for (const node of nodes) {
      switch (node.type) {
        case "text":
          runs.push({ text: node.value, font, link, strike });
          break;
        case "html":
          runs.push({ text: node.value, font, link, strike });
          break;
        case "inlineCode":
          runs.push({ text: node.value, font: "mono", link, strike });
          break;
        case "break":
          runs.push({ text: "\n", font, link, strike });
          break;
        case "strong":
          runs.push(...this.runs(node.children, font === "italic" || font === "boldItalic" ? "boldItalic" : "bold", link, strike));
          break;
        case "emphasis":
          runs.push(...this.runs(node.children, font === "bold" || font === "boldItalic" ? "boldItalic" : "italic", link, strike));
          break;
        case "delete":
          runs.push(...this.runs(node.children, font, link, true));
          break;
        case "link":
          runs.push(...this.runs(node.children, font, this.linkUrl(node.url) ?? link, strike));
          break;
        case "image":
          runs.push({ text: node.alt ? `[Bild: ${node.alt}]` : "[Bild]", font, link, strike });
          break;
        case "footnoteReference":
          runs.push({ text: `[${node.label ?? node.identifier}]`, font, link, strike });
          break;
        default:
          runs.push({ text: plainText(node), font, link, strike });
      }
    }
    return runs.filter((run) => run.text.length > 0);
  }

  /** One tagged paragraph; the runs of a link become a Link element inside it. */
  private paragraph(parent: Struct, runs: Run[], indent: number, tag = "P"): void {
    if (!runs.length) return;
    const { doc } = this;
    const struct = doc.struct(tag);
    parent.add(struct);
    this.inline(struct, runs, indent);
    doc.moveDown(0.5);
  }

  private inline(struct: Struct, runs: Run[], indent: number, y: number = this.doc.y): void {
    const { doc } = this;
    const groups: { link: string | null; runs: Run[] }[] = [];
    for (const run of runs) {
      const last = groups.at(-1);
      if (last && last.link === run.link) last.runs.push(run);
      else groups.push({ link: run.link, runs: [run] });
    }
    const x = this.left + indent;
    const width = this.right - x;
    let first = true;
    const draw = (run: Run, isLast: boolean) => {
      doc.font(run.font).fontSize(BODY_SIZE).fillColor(run.link ? LINK_COLOR : TEXT_COLOR);
      const options: PDFKit.Mixins.TextOptions = { width, continued: !isLast, lineGap: 2, link: run.link ?? undefined, underline: !!run.link, strike: !!run.strike };
      if (first) doc.text(run.text, x, y, options);
      else doc.text(run.text, options);
      first = false;
    };
    const total = runs.length;
    let drawn = 0;
    for (const group of groups) {
      const drawGroup = () => {
        for (const run of group.runs) draw(run, ++drawn === total);
      };
      if (group.link) {
        const link = doc.struct("Link");
        struct.add(link);
        link.add(drawGroup);
      } else struct.add(drawGroup);
    }
    doc.fillColor(TEXT_COLOR);
  }

  private markdownList(parent: Struct, node: List, indent: number): void {
    this.list(
      parent,
      node.children.map((item) => item),
      !!node.ordered,
      indent,
      node.start ?? 1,
    );
  }

  /** L > LI > (Lbl, LBody): items are Markdown list items or a line of runs (the sources). */
  private list(parent: Struct, items: (ListItem | (() => Run[]))[], ordered: boolean, indent: number, start = 1): void {
    const { doc } = this;
    const list = doc.struct("L");
    parent.add(list);
    for (const [index, item] of items.entries()) {
      doc.font("body").fontSize(BODY_SIZE);
      if (doc.y + BODY_SIZE * 2.5 > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const li = doc.struct("LI");
      list.add(li);
      const label = doc.struct("Lbl");
      li.add(label);
      const checked = typeof item === "function" ? null : item.checked;
      const marker = checked === true ? "☑" : checked === false ? "☐" : ordered ? `${start + index}.` : "•";
      const y = doc.y;
      label.add(() => {
        doc.font("body").fontSize(BODY_SIZE).fillColor(TEXT_COLOR);
        doc.text(marker, this.left + indent, y, { width: LIST_INDENT + 4, lineBreak: false });
      });
      doc.y = y;
      const body = doc.struct("LBody");
      li.add(body);
      if (typeof item === "function") {
        const lbodyParagraph = doc.struct("P");
        body.add(lbodyParagraph);
        this.inline(lbodyParagraph, item(), indent + LIST_INDENT + 6, y);
        doc.moveDown(0.25);
      } else {
        for (const child of item.children) {
          if (child.type === "paragraph") {
            const paragraph = doc.struct("P");
            body.add(paragraph);
            this.inline(paragraph, this.runs(child.children, "body", null), indent + LIST_INDENT + 6, doc.y);
            doc.moveDown(0.25);
          } else this.block(body, child, indent + LIST_INDENT + 6);
        }
      }
    }
    doc.moveDown(0.4);
  }

  private table(parent: Struct, node: Table, indent: number): void {
    const { doc } = this;
    const rows = node.children;
    const columns = Math.max(1, ...rows.map((row) => row.children.length));
    const x0 = this.left + indent;
    const columnWidth = (this.right - x0) / columns;
    const padding = 4;
    const table = doc.struct("Table");
    parent.add(table);
    for (const [rowIndex, row] of rows.entries()) {
      const header = rowIndex === 0;
      const cells = Array.from({ length: columns }, (_, index) => (row.children[index] ? plainText(row.children[index]) : ""));
      doc.font(header ? "bold" : "body").fontSize(BODY_SIZE);
      const height = Math.max(...cells.map((text) => doc.heightOfString(text || " ", { width: columnWidth - 2 * padding }))) + 2 * padding;
      if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const y = doc.y;
      const tr = doc.struct("TR");
      table.add(tr);
      for (const [column, text] of cells.entries()) {
        const cell = doc.struct(header ? "TH" : "TD");
        tr.add(cell);
        const align = node.align?.[column] ?? "left";
        cell.add(() => {
          doc.font(header ? "bold" : "body").fontSize(BODY_SIZE).fillColor(TEXT_COLOR);
          doc.text(text, x0 + column * columnWidth + padding, y + padding, { width: columnWidth - 2 * padding, align: align === "center" ? "center" : align === "right" ? "right" : "left" });
        });
      }
      doc.markContent("Artifact", { type: "Layout" });
      for (let column = 0; column < columns; column++) doc.rect(x0 + column * columnWidth, y, columnWidth, height).lineWidth(0.5).strokeColor("#8a8a8a").stroke();
      doc.endMarkedContent();
      doc.y = y + height;
    }
    doc.x = this.left;
    doc.moveDown(0.6);
  }

  /** "Seite X von Y" on every page: pagination artifacts, not part of the text a screen reader reads. */
  private footer(): void {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index++) {
      doc.switchToPage(index);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.markContent("Artifact", { type: "Pagination" });
      doc.font("body").fontSize(9).fillColor("#555555");
      doc.text(`Seite ${index + 1} von ${range.count}`, this.left, doc.page.height - bottom / 2 - 4, { width: this.right - this.left, align: "center", lineBreak: false });
      doc.endMarkedContent();
      doc.page.margins.bottom = bottom;
    }
  }
}

const destination = (index: number): string => `abschnitt-${index + 1}`;
