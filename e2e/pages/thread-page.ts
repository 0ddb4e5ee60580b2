import type { Page } from "@playwright/test";

export class ThreadPage {
  constructor(readonly page: Page) {}

  get title() {
    return this.page.getByRole("heading", { level: 1 });
  }
  get posts() {
    return this.page.getByRole("list", { name: "Beiträge" }).getByRole("article");
  }
  get composer() {
    return this.page.getByLabel("Ihr Beitrag");
  }
  get send() {
    return this.page.getByRole("button", { name: "Beitrag senden" });
  }
  get moderation() {
    return this.page.getByRole("group", { name: "Moderation" });
  }
  get pin() {
    return this.page.getByRole("button", { name: "Anheften", exact: true });
  }
  get unpin() {
    return this.page.getByRole("button", { name: "Nicht mehr anheften" });
  }
  get lock() {
    return this.page.getByRole("button", { name: "Sperren", exact: true });
  }
  get unlock() {
    return this.page.getByRole("button", { name: "Entsperren" });
  }
  get lockedNotice() {
    return this.page.getByText("Dieses Thema ist gesperrt: neue Beiträge sind nicht möglich.");
  }
  get postCount() {
    return this.page.getByText(/^\d+ Beiträge?$/);
  }

  async goto(url: string) {
    await this.page.goto(url);
  }

  /** posts whose text contains `text` */
  post(text: string) {
    return this.posts.filter({ hasText: text });
  }

  async reply(body: string) {
    await this.composer.fill(body);
    await this.send.click();
  }
}
