import type { Page } from "@playwright/test";

export class NewThreadPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole("heading", { level: 1, name: "Neues Thema eröffnen" });
  }
  get title() {
    return this.page.getByLabel("Titel");
  }
  get body() {
    return this.page.getByLabel("Erster Beitrag");
  }
  get submit() {
    return this.page.getByRole("button", { name: "Thema eröffnen" });
  }

  async goto(slug: string) {
    await this.page.goto(`/arbeitsgruppen/${slug}/themen/neu`);
  }

  async open(title: string, body: string) {
    await this.title.fill(title);
    await this.body.fill(body);
    await this.submit.click();
  }
}
