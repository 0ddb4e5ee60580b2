import type { Page } from "@playwright/test";

export class SignInPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole("heading", { name: "Anmelden", level: 1 });
  }
  get email() {
    return this.page.getByLabel("E-Mail-Adresse");
  }
  get password() {
    return this.page.getByLabel("Passwort", { exact: true });
  }
  get submit() {
    return this.page.getByRole("button", { name: "Anmelden" });
  }
  get error() {
    return this.page.getByRole("main").getByRole("alert");
  }

  async goto() {
    await this.page.goto("/anmelden");
  }

  async signIn(email: string, password: string) {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }
}
