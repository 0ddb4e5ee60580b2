import { stringify } from "csv-stringify/sync";

/**
 * The cells of downloads that people open in a spreadsheet (the spotlight and OZG exports). A cell
 * starting like a formula (=, +, -, @, tab, CR) gets a leading apostrophe, so a spreadsheet shows it as
 * text instead of running it (CSV injection); the same rule csv-stringify's `escape_formulas` applies.
 */
const formulaStart = /^[=+\-@\t\r]/;

export function defuseFormula(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

/**
 * Rows as the CSV German Excel opens without asking: UTF-8 with BOM, `;` between cells, CRLF between
 * rows, the header row first, formula-like cells defused.
 */
export function germanExcelCsv(columns: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return stringify(
    rows.map((row) => [...row]),
    {
      bom: true,
      delimiter: ";",
      record_delimiter: "windows",
      header: true,
      columns: [...columns],
      // a multi-line text stays one cell: quoted, since rows end in CRLF but its lines in LF
      quote_record_delimiter: true,
      escape_formulas: true,
    },
  );
}
