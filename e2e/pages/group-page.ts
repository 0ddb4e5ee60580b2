import type { Page } from "@playwright/test";

export class GroupPage {
  constructor(readonly page: Page) {}

  get newThread() {
    return this.page.getByRole("link", { name: "Neues Thema" });
  }
  get threadList() {
    return this.page.getByTestId("thread-list");
  }
  get join() {
    return this.page.getByRole("button", { name: "Beitreten" });
  }

  async goto(slug: string) {
    await this.page.goto(`/arbeitsgruppen/${slug}`);
  }

  /** the list row of a thread, found by its title */
  thread(title: string) {
    return this.threadList.getByRole("listitem").filter({ has: this.page.getByRole("link", { name: title, exact: true }) });
  }
}
