import type { Page } from "@playwright/test";

export class AdminPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole("heading", { level: 1, name: "Verwaltung" });
  }
  get invitations() {
    return this.page.getByRole("region", { name: "Einladungen" });
  }
  get inviteEmail() {
    return this.invitations.getByLabel("E-Mail-Adresse");
  }
  get inviteOrganisation() {
    return this.invitations.getByLabel("Kommune oder Organisation");
  }
  get inviteRole() {
    return this.invitations.getByLabel("Rolle");
  }
  get inviteSubmit() {
    return this.invitations.getByRole("button", { name: "Einladen" });
  }
  get invitationLink() {
    return this.page.getByTestId("invitation-link");
  }
  get users() {
    return this.page.getByRole("table", { name: "Zugänge der Plattform" });
  }
  get audit() {
    return this.page.getByRole("region", { name: "Protokoll" });
  }

  async goto() {
    await this.page.goto("/verwaltung");
  }

  async invite(email: string, organisation: string, roleLabel: string) {
    await this.inviteEmail.fill(email);
    await this.inviteOrganisation.fill(organisation);
    await this.inviteRole.selectOption({ label: roleLabel });
    await this.inviteSubmit.click();
  }

  userRow(email: string) {
    return this.users.getByRole("row").filter({ hasText: email });
  }

  roleSelect(name: string) {
    return this.page.getByRole("combobox", { name: `Rolle von ${name}` });
  }

  deactivate(name: string) {
    return this.page.getByRole("button", { name: `Deaktivieren (${name})` });
  }
}
