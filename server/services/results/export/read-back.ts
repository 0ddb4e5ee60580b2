// Reads exported files back as a PDF viewer or Word would, for the unit and end-to-end tests.
import mammoth from "mammoth";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface PdfReading {
  marked: boolean;
  language: string | undefined;
  title: string | undefined;
  author: string | undefined;
  outline: { title: string; items: string[] }[];
  text: string;
  pages: number;
  /** every structure role in the tree, in document order */
  roles: string[];
  links: string[];
}

interface StructNode {
  role?: string;
  children?: StructNode[];
}

export async function readPdf(body: Uint8Array): Promise<PdfReading> {
  const pdf = await getDocument({ data: new Uint8Array(body), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const markInfo = await pdf.getMarkInfo();
    const info = (await pdf.getMetadata()).info as unknown as Record<string, unknown>;
    const outline = ((await pdf.getOutline()) ?? []).map((item) => ({ title: item.title, items: item.items.map((child) => child.title) }));
    const texts: string[] = [];
    const roles: string[] = [];
    const links: string[] = [];
    const walk = (node: StructNode | null | undefined) => {
      if (!node) return;
      if (node.role) roles.push(node.role);
      for (const child of node.children ?? []) walk(child);
    };
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      texts.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
      walk((await page.getStructTree()) as StructNode);
      for (const annotation of (await page.getAnnotations()) as { url?: string }[]) if (annotation.url) links.push(annotation.url);
    }
    return {
      marked: !!markInfo?.Marked,
      language: info.Language as string | undefined,
      title: info.Title as string | undefined,
      author: info.Author as string | undefined,
      outline,
      text: texts.join("\n"),
      pages: pdf.numPages,
      roles,
      links,
    };
  } finally {
    await pdf.destroy();
  }
}

export async function readDocx(body: Uint8Array): Promise<string> {
  return (await mammoth.convertToHtml({ buffer: Buffer.from(body) })).value;
}
