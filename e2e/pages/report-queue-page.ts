import type { Page } from "@playwright/test";

export class ReportQueuePage {
  constructor(readonly page: Page) {}

  async goto(status: "offen" | "erledigt" = "offen") {
    await this.page.goto(status === "offen" ? "/moderation/meldungen" : "/moderation/meldungen?status=erledigt");
  }

  /** the header's link to the queue, with the live count of open reports */
  get navLink() {
    return this.page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: /^Meldungen/ });
  }
  get badge() {
    return this.page.getByTestId("report-count");
  }

  /** the number in the badge; no badge means none open */
  async openCount(): Promise<number> {
    if (!(await this.badge.count())) return 0;
    return Number(((await this.badge.textContent()) ?? "").replace(/\D/g, ""));
  }

  /** the queue card of a report, found by text in it (the reporter's note) */
  report(text: string) {
    return this.page.getByRole("article").filter({ hasText: text });
  }
}
