import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type IRunOptions,
  type ParagraphChild,
} from "docx";
import type { List, PhrasingContent, RootContent, Table as MdTable } from "mdast";
import { absoluteUrl, EXPORT_AUTHOR, parseSection, plainText, versionLine, type ExportDocument } from "./model";

const headingLevels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6] as const;

const BULLETS = "gdst-bullets";
const NUMBERS = "gdst-numbers";
const bulletSymbols = ["•", "◦", "▪"];
const levels = (ordered: boolean): ILevelsOptions[] =>
  Array.from({ length: 9 }, (_, level) => ({
    level,
    format: ordered ? LevelFormat.DECIMAL : LevelFormat.BULLET,
    text: ordered ? `%${level + 1}.` : bulletSymbols[level % bulletSymbols.length]!,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));

type RunStyle = Pick<IRunOptions, "bold" | "italics" | "strike" | "font">;

/**
 * The version as a Word document: a title, Heading 1 per section, Heading 2 and below for the
 * section's own headings, real numbered and bulleted lists, Word tables, hyperlinks, the sources as a
 * list, document properties and German as the language.
 */
export async function renderDocx(document: ExportDocument): Promise<Buffer> {
  const writer = new DocxWriter(document.linkUrl);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(document.title)] }),
    new Paragraph({ children: [new TextRun({ text: versionLine(document), bold: true })] }),
  ];
  if (document.note) children.push(new Paragraph({ children: [new TextRun({ text: "Änderungsnotiz: ", bold: true }), new TextRun(document.note)] }));
  for (const section of document.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.title)] }));
    for (const block of parseSection(section.markdown).children) children.push(...writer.block(block, 0));
    if (section.sources.length) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun("Quellen")] }));
      const instance = writer.nextInstance();
      for (const source of section.sources) {
        const href = source.href ? absoluteUrl(source.href) : null;
        children.push(
          new Paragraph({
            numbering: { reference: BULLETS, level: 0, instance },
            children: [href ? new ExternalHyperlink({ link: href, children: [new TextRun({ text: source.label, style: "Hyperlink" })] }) : new TextRun(source.label)],
          }),
        );
      }
    }
  }
  const doc = new Document({
    title: document.title,
    subject: `Version ${document.number}`,
    creator: EXPORT_AUTHOR,
    lastModifiedBy: EXPORT_AUTHOR,
    description: `${versionLine(document)}. ${document.note}`,
    keywords: "Ergebnisdokument, GDST",
    styles: { default: { document: { run: { language: { value: "de-DE" }, font: "Calibri", size: 22 } } } },
    numbering: { config: [{ reference: BULLETS, levels: levels(false) }, { reference: NUMBERS, levels: levels(true) }] },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ["Seite ", PageNumber.CURRENT, " von ", PageNumber.TOTAL_PAGES] })] })],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

class DocxWriter {
  private instances = 0;

  constructor(private readonly linkUrl: (url: string) => string | null) {}

  /** Every list gets its own numbering instance, so each numbered list counts from its own start. */
  nextInstance(): number {
    return ++this.instances;
  }

  block(node: RootContent, listLevel: number, numbering?: { reference: string; level: number; instance: number }): (Paragraph | Table)[] {
    switch (node.type) {
      case "paragraph":
        return [new Paragraph({ children: this.inline(node.children, {}), ...(numbering ? { numbering } : {}) })];
      case "heading":
        return [new Paragraph({ heading: headingLevels[Math.min(Math.max(node.depth, 2), 6) - 1]!, children: this.inline(node.children, {}) })];
      case "list":
        return this.list(node, listLevel);
      case "table":
        return [this.table(node)];
      case "blockquote":
        return node.children.flatMap((child) => this.block(child, listLevel));
      case "code":
        return node.value.split("\n").map((line) => new Paragraph({ children: [new TextRun({ text: line, font: "Consolas" })] }));
      case "footnoteDefinition":
        return [new Paragraph({ children: [new TextRun(`[${node.label ?? node.identifier}] `), ...node.children.flatMap((child) => (child.type === "paragraph" ? this.inline(child.children, {}) : [new TextRun(plainText(child))]))] })];
      case "thematicBreak":
        return [new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "999999", space: 1 } }, children: [] })];
      default:
        return [];
    }
  }

  private list(node: List, level: number): (Paragraph | Table)[] {
    const reference = node.ordered ? NUMBERS : BULLETS;
    const instance = this.nextInstance();
    const blocks: (Paragraph | Table)[] = [];
    for (const item of node.children) {
      let first = true;
      for (const child of item.children) {
        if (child.type === "list") {
          blocks.push(...this.list(child, Math.min(level + 1, 8)));
        } else if (child.type === "paragraph" && first) {
          const check = item.checked === true ? "☑ " : item.checked === false ? "☐ " : "";
          blocks.push(new Paragraph({ numbering: { reference, level, instance }, children: [...(check ? [new TextRun(check)] : []), ...this.inline(child.children, {})] }));
          first = false;
        } else {
          blocks.push(...this.block(child, level));
        }
      }
    }
    return blocks;
  }

  private table(node: MdTable): Table {
    const columns = Math.max(1, ...node.children.map((row) => row.children.length));
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: node.children.map(
        (row, rowIndex) =>
          new TableRow({
            tableHeader: rowIndex === 0,
            children: Array.from(
              { length: columns },
              (_, column) =>
                new TableCell({
                  children: [new Paragraph({ children: row.children[column] ? this.inline(row.children[column].children, rowIndex === 0 ? { bold: true } : {}) : [] })],
                }),
            ),
          }),
      ),
    });
  }

  private inline(nodes: PhrasingContent[], style: RunStyle): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const node of nodes) {
      switch (node.type) {
        case "text":
        case "html":
          out.push(new TextRun({ text: node.value, ...style }));
          break;
        case "inlineCode":
          out.push(new TextRun({ text: node.value, ...style, font: "Consolas" }));
          break;
        case "break":
          out.push(new TextRun({ text: "", break: 1 }));
          break;
        case "strong":
          out.push(...this.inline(node.children, { ...style, bold: true }));
          break;
        case "emphasis":
          out.push(...this.inline(node.children, { ...style, italics: true }));
          break;
        case "delete":
          out.push(...this.inline(node.children, { ...style, strike: true }));
          break;
        case "link": {
          const href = this.linkUrl(node.url);
          if (href) out.push(new ExternalHyperlink({ link: href, children: [new TextRun({ text: plainText(node), ...style, style: "Hyperlink" })] }));
          else out.push(...this.inline(node.children, style));
          break;
        }
        case "image":
          out.push(new TextRun({ text: node.alt ? `[Bild: ${node.alt}]` : "[Bild]", ...style }));
          break;
        case "footnoteReference":
          out.push(new TextRun({ text: `[${node.label ?? node.identifier}]`, ...style, superScript: true }));
          break;
        default:
          out.push(new TextRun({ text: plainText(node), ...style }));
      }
    }
    return out;
  }
}
