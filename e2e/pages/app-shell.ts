import type { Page } from "@playwright/test";

/** Header, navigation and connection banners of every signed-in page. */
export class AppShell {
  constructor(readonly page: Page) {}

  get nav() {
    return this.page.getByRole("navigation", { name: "Hauptnavigation" });
  }
  get signOut() {
    return this.page.getByRole("button", { name: "Abmelden" });
  }
  get connectionBanner() {
    return this.page.getByTestId("connection-banner");
  }
  get skipLink() {
    return this.page.getByRole("link", { name: "Zum Inhalt springen" });
  }

  navLink(name: "Start" | "Arbeitsgruppen" | "Verwaltung") {
    return this.nav.getByRole("link", { name, exact: true });
  }

  welcome(name: string) {
    return this.page.getByRole("heading", { level: 1, name: `Willkommen, ${name}` });
  }
}
