import type { Page } from "@playwright/test";
import type { SpotlightStatus } from "../../server/schemas/spotlight-lifecycle";
import { spotlightStatusLabels } from "../../server/schemas/spotlight-lifecycle";

/** The spotlight board (/spotlights): filters, the Board/Liste switch, columns and the list table. */
export class SpotlightBoardPage {
  constructor(readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(query ? `/spotlights?${query}` : "/spotlights");
  }

  get heading() {
    return this.page.getByRole("heading", { level: 1, name: "Spotlights" });
  }
  get filters() {
    return this.page.getByRole("form", { name: "Spotlights filtern" });
  }
  get group() {
    return this.filters.getByLabel("Arbeitsgruppe");
  }
  get ressort() {
    return this.filters.getByLabel("Ressort");
  }
  get ownMunicipality() {
    return this.filters.getByRole("checkbox", { name: /Von meiner Kommune mitgezeichnet/ });
  }
  statusFilter(status: SpotlightStatus) {
    return this.filters.getByRole("checkbox", { name: spotlightStatusLabels[status], exact: true });
  }
  get apply() {
    return this.filters.getByRole("button", { name: "Filter anwenden" });
  }
  get views() {
    return this.page.getByRole("navigation", { name: "Ansicht" });
  }
  get board() {
    return this.page.getByTestId("spotlight-board");
  }
  get table() {
    return this.page.getByTestId("spotlight-table");
  }
  get propose() {
    return this.page.getByRole("link", { name: "Spotlight vorschlagen" });
  }
  get exportCsv() {
    return this.page.getByRole("link", { name: "CSV exportieren" });
  }

  /** a status column, by its heading ("Weitergeleitet 3 Spotlights") */
  column(status: SpotlightStatus) {
    return this.board.getByRole("region", { name: new RegExp(`^${spotlightStatusLabels[status]} \\d+ Spotlights?$`) });
  }
  /** the card of a spotlight, by its title */
  card(title: string) {
    return this.board.getByTestId("spotlight-card").filter({ has: this.page.getByRole("link", { name: title, exact: true }) });
  }
  /** the table row of a spotlight, by its title */
  row(title: string) {
    return this.table.getByRole("row").filter({ has: this.page.getByRole("link", { name: title, exact: true }) });
  }
  /** a sortable column header of the list */
  sortHeader(label: string) {
    return this.table.getByRole("columnheader").filter({ has: this.page.getByRole("link", { name: new RegExp(`^${label}\\s*,`) }) });
  }
}
