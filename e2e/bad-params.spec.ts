import type { Page } from "@playwright/test";
import { expect, test, trpc } from "./fixtures";

/**
 * Garbage in URLs, as people paste them and as scanners try them: every page answers with the nearest
 * valid page or the German not-found page, never an error page (status 500).
 */

/** Query values and the page they must land on in a thread of two pages. */
const pageValues: [string, 1 | 2][] = [
  ["1", 1],
  ["2", 2],
  ["123456789012", 2],
  ["9".repeat(400), 2],
  ["3", 2],
  ["0", 1],
  ["-1", 1],
  ["2.5", 1],
  ["1e400", 1],
  ["Infinity", 1],
  ["NaN", 1],
  ["abc", 1],
  ["%00", 1],
  ["%E0%A4%A", 1],
  ["%E2%80%8B2", 1],
  ["%3Cscript%3Ealert(1)%3C%2Fscript%3E", 1],
  ["2&seite=1", 2],
  ["", 1],
];

/** Path segments that name nothing that can exist. */
const badSegments = [
  "123456789012",
  "W".repeat(200),
  "%00",
  "%E0%A4%A",
  "%E2%80%8B",
  "..%2F..%2Fetc%2Fpasswd",
  "%C0%AE%C0%AE",
  "%F0%9F%98%80",
  "Technik",
  "00000000-0000-0000-0000-000000000000",
  "'%20OR%201=1--",
];

/**
 * The German not-found page, by status and rendered text. Inside the signed-in layout it streams in
 * after the layout and is swapped into place by script, so without JavaScript it is in the HTML but
 * not shown; a11y.spec.ts sees it shown.
 */
async function expectNotFound(page: Page, url: string, heading = "Seite nicht gefunden") {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(404);
  expect(await response?.text(), url).toContain(heading);
}

async function currentPage(page: Page, navLabel: string) {
  const nav = page.getByRole("navigation", { name: navLabel }).first();
  return Number(((await nav.locator('[aria-current="page"]').textContent()) ?? "").replace(/\D/g, ""));
}

test.describe("[bad-params] garbage in URLs never gives a 500", () => {
  // what is checked here is what the server answers: the status and the page it renders. Without
  // JavaScript a page load is that answer alone (no hydration, no live connection), three to four
  // times faster, and some 600 loads are made in this file.
  test.use({ javaScriptEnabled: false });
  test("[bad-params] thread page: ?seite= and ?beitrag= land on the nearest page", async ({ asParticipant: page, make }) => {
    test.slow(); // 51 posts and about 40 page loads
    const thread = await make.thread({ slug: "strategie", title: make.name("Seitenzahlen") });
    for (let i = 2; i <= 52; i++) await make.post(thread.id, `Beitrag ${i}`);
    const failures: string[] = [];
    for (const [value, expected] of pageValues) {
      for (const param of ["seite", "beitrag"]) {
        const url = `${thread.url}?${param}=${value}`;
        const response = await page.goto(url);
        if (response?.status() !== 200) {
          failures.push(`${url}: ${response?.status()}`);
          continue;
        }
        // ?beitrag=N opens the page of post N: 1 to 50 are on page 1
        // an empty parameter is no parameter: the thread opens where its reader left off, here the last page
        const wanted = value === "" ? 2 : param === "beitrag" && ["2", "3", "2&seite=1"].includes(value) ? 1 : expected;
        const shown = await currentPage(page, "Seiten des Themas");
        if (shown !== wanted) failures.push(`${url}: page ${shown}, expected ${wanted}`);
      }
    }
    expect(failures).toEqual([]);
  });

  test("[bad-params] group page: ?seite= lands on the nearest page of the thread list", async ({ asParticipant: page }) => {
    const failures: string[] = [];
    for (const [value] of pageValues) {
      const url = `/arbeitsgruppen/technik?seite=${value}`;
      const response = await page.goto(url);
      if (response?.status() !== 200) failures.push(`${url}: ${response?.status()}`);
      else if (!(await page.getByRole("heading", { level: 2, name: "Themen" }).isVisible())) failures.push(`${url}: no thread list`);
    }
    expect(failures).toEqual([]);
  });

  test("[bad-params] search page: garbage in any parameter gives the nearest valid search", async ({ asParticipant: page }) => {
    test.slow(); // about 50 page loads
    const failures: string[] = [];
    const garbage = ["%00", "%E0%A4%A", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "W".repeat(3000), "'%20OR%201=1--"];
    const cases = [
      ...pageValues.map(([value]) => `q=Bauantrag&seite=${value}`),
      ...garbage.flatMap((value) => ["q", "gruppe", "person", "von", "bis"].map((param) => `q=Bauantrag&${param}=${value}`)),
      `q=${encodeURIComponent('"((!!:*&|<->')}`,
      "q=a&q=b&gruppe=technik&gruppe=strategie",
      "q=Bauantrag&von=2026-02-30&bis=9999-99-99",
      "q=Bauantrag&von=2027-01-01&bis=2020-01-01",
      `q=Bauantrag&person=${crypto.randomUUID()}&gruppe=gibt-es-nicht`,
    ];
    for (const query of cases) {
      const url = `/suche?${query}`;
      const response = await page.goto(url);
      if (response?.status() !== 200) failures.push(`${url.slice(0, 100)}: ${response?.status()}`);
      else if (!(await page.getByRole("heading", { level: 2, name: "Treffer" }).isVisible())) failures.push(`${url.slice(0, 100)}: no results section`);
    }
    expect(failures).toEqual([]);
  });

  test("[bad-params] unknown or impossible path segments give the German 404", async ({ asParticipant: page, make }) => {
    // about 80 page loads: near a minute on a quiet machine
    test.slow();
    const thread = await make.thread({ slug: "strategie", title: make.name("Pfade") });
    for (const segment of badSegments) {
      await expectNotFound(page, `/arbeitsgruppen/${segment}`);
      await expectNotFound(page, `/arbeitsgruppen/${segment}/themen/neu`);
      await expectNotFound(page, `/arbeitsgruppen/strategie/themen/${segment}`);
      await expectNotFound(page, `/${segment}`);
    }
    // a thread under the wrong group's address is sent to the right one
    await page.goto(`/arbeitsgruppen/technik/themen/${thread.id}?seite=123456789012`);
    await expect(page).toHaveURL(new RegExp(`/arbeitsgruppen/strategie/themen/${thread.id}$`));
  });

  test("[bad-params] spotlight page: unknown, impossible and hidden ids give the German 404, never a 500", async ({ asParticipant, asReader, make }) => {
    // about 70 page loads as two people: near a minute on a quiet machine
    test.slow();
    const proposal = await make.spotlight({ title: make.name("Unsichtbar für Lesende") });
    for (const segment of [...badSegments, crypto.randomUUID(), crypto.randomUUID().toUpperCase(), `${proposal.id}x`, "S-999999999", "999999999", "S-", "S-1x", "S--1"]) {
      await expectNotFound(asParticipant, `/spotlights/${segment}`);
      await expectNotFound(asReader, `/spotlights/${segment}`);
    }
    // a proposal under review does not exist for readers
    await expectNotFound(asReader, proposal.url);
    // the reference people write ("S-7", "7") leads to the spotlight, for whoever may see it
    await asParticipant.goto(`/spotlights/S-${proposal.number}`);
    await expect(asParticipant).toHaveURL(proposal.url);
    await asParticipant.goto(`/spotlights/${proposal.number}`);
    await expect(asParticipant).toHaveURL(proposal.url);
    await expectNotFound(asReader, `/spotlights/S-${proposal.number}`);
    // unknown parameters change nothing
    for (const query of ["?seite=123456789012", "?x=%00", "?status=%E0%A4%A&status=PROPOSED"]) {
      const response = await asParticipant.goto(`${proposal.url}${query}`);
      expect(response?.status(), query).toBe(200);
      await expect(asParticipant.getByRole("heading", { level: 1 })).toContainText(proposal.title);
    }
  });

  test("[bad-params] impulse talks: garbage in the list's parameters gives the nearest list, bad ids the German 404", async ({ asParticipant, asReader, make }) => {
    test.slow(); // about 60 page loads
    const talk = await make.talk({ title: make.name("Parameter") });
    const failures: string[] = [];
    const garbage = ["%00", "%E0%A4%A", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "W".repeat(3000), "'%20OR%201=1--", "%E2%80%8B", ""];
    const cases = [
      ...garbage.flatMap((value) => ["zeit", "reihe", "gruppe"].map((param) => `${param}=${value}`)),
      "zeit=vergangen&zeit=bevorstehend&reihe=FUTURE&reihe=LIGHTHOUSE",
      "reihe=future&gruppe=TECHNIK&zeit=VERGANGEN",
      "gruppe=gibt-es-nicht&reihe=GIBT_ES_NICHT",
      `gruppe=${crypto.randomUUID()}`,
    ];
    for (const query of cases) {
      const url = `/impulse?${query}`;
      const response = await asParticipant.goto(url);
      if (response?.status() !== 200) failures.push(`${url.slice(0, 100)}: ${response?.status()}`);
      else if (!(await asParticipant.getByRole("heading", { level: 2, name: /(Bevorstehende|Vergangene) Vorträge/ }).isVisible())) failures.push(`${url.slice(0, 100)}: no list`);
    }
    expect(failures).toEqual([]);
    for (const segment of [...badSegments, crypto.randomUUID(), `${talk.id}x`, "999999999"]) {
      await expectNotFound(asParticipant, `/impulse/${segment}`);
      await expectNotFound(asReader, `/impulse/${segment}`);
    }
    for (const query of ["?seite=123456789012", "?x=%00", "?zeit=%E0%A4%A"]) {
      const response = await asReader.goto(`${talk.url}${query}`);
      expect(response?.status(), query).toBe(200);
      await expect(asReader.getByRole("heading", { level: 1 })).toContainText(talk.title);
    }
  });

  test("[bad-params] invitation and sign-in pages shrug off garbage", async ({ page }) => {
    const failures: string[] = [];
    for (const segment of badSegments) {
      const response = await page.goto(`/einladung/${segment}`);
      // a link that cannot even be decoded is no invitation link: the German 404
      const explanation =
        response?.status() === 404
          ? page.getByRole("heading", { level: 1, name: "Seite nicht gefunden" })
          : page.getByText("Diese Einladung ist ungültig, abgelaufen oder wurde bereits verwendet.");
      if (![200, 404].includes(response?.status() ?? 0)) failures.push(`/einladung/${segment}: ${response?.status()}`);
      else if (!(await explanation.isVisible())) failures.push(`/einladung/${segment}: no German explanation`);
    }
    for (const query of [
      "callbackUrl=a&callbackUrl=b",
      "callbackUrl=%2F%2Fevil.example",
      "callbackUrl=javascript%3Aalert(1)",
      `email=${"x".repeat(5000)}`,
      "email=a&email=b&eingeladen=1&eingeladen=1",
      "eingeladen=%00",
    ]) {
      const response = await page.goto(`/anmelden?${query}`);
      if (response?.status() !== 200) failures.push(`/anmelden?${query}: ${response?.status()}`);
    }
    expect(failures).toEqual([]);
  });

  test("[bad-params] signed-in pages ignore unknown or repeated parameters", async ({ asAdmin: page }) => {
    const failures: string[] = [];
    for (const url of ["/?seite=123456789012", "/arbeitsgruppen?x=%00", "/verwaltung?seite=-1&seite=abc", "/arbeitsgruppen/technik/themen/neu?titel=%E0%A4%A"]) {
      const response = await page.goto(url);
      if (response?.status() !== 200) failures.push(`${url}: ${response?.status()}`);
    }
    expect(failures).toEqual([]);
  });

  test("[bad-params] audit log and report queue: garbage filters fall back to the nearest valid state", async ({ asAdmin: page }) => {
    test.slow();
    const failures: string[] = [];
    const auditUrls: [string, { art: string; von: string; bis: string }][] = [
      ["art=%00&person=abc&von=2026-02-30&bis=gestern&seite=-1", { art: "", von: "", bis: "" }],
      [`art=${"W".repeat(200)}&person=00000000-0000-0000-0000-000000000000&von=1e400&bis=%E0%A4%A`, { art: "", von: "", bis: "" }],
      ["art=thread.rename&art=user.role&von=2026-01-01&von=x&bis=99999-01-01", { art: "thread.rename", von: "2026-01-01", bis: "" }],
      ["art=__proto__&person=%27%20OR%201=1--&seite=123456789012", { art: "", von: "", bis: "" }],
      // a period given backwards is read forwards, and the form shows it so
      ["von=2026-12-31&bis=2026-01-01", { art: "", von: "2026-01-01", bis: "2026-12-31" }],
    ];
    for (const [query, expected] of auditUrls) {
      const url = `/verwaltung/protokoll?${query}`;
      const response = await page.goto(url);
      if (response?.status() !== 200) {
        failures.push(`${url}: ${response?.status()}`);
        continue;
      }
      const filter = page.getByRole("form", { name: "Protokoll filtern" });
      const shown = { art: await filter.getByLabel("Art").inputValue(), von: await filter.getByLabel("Von").inputValue(), bis: await filter.getByLabel("Bis").inputValue() };
      if (JSON.stringify(shown) !== JSON.stringify(expected)) failures.push(`${url}: filter ${JSON.stringify(shown)}, expected ${JSON.stringify(expected)}`);
      if ((await filter.getByLabel("Person").inputValue()) !== "") failures.push(`${url}: a person that never acted is selected`);
    }
    const statuses = ["", "erledigt", "%00", "offen&status=erledigt", "W".repeat(200), "erledigt&status=offen"];
    for (const [index, [value]] of pageValues.entries()) {
      const status = statuses[index % statuses.length];
      const url = `/moderation/meldungen?status=${status}&seite=${value}`;
      const response = await page.goto(url);
      if (response?.status() !== 200) failures.push(`${url}: ${response?.status()}`);
      else if (!(await page.getByRole("navigation", { name: "Meldungen nach Stand" }).isVisible())) failures.push(`${url}: no queue`);
    }
    expect(failures).toEqual([]);
  });

  test("[bad-params] spotlight proposal: a ?thema= naming no readable thread gives the form without a source", async ({ asParticipant: page, make }) => {
    test.slow(); // about 20 page loads
    const thread = await make.thread({ slug: "technik", title: make.name("Quelle") });
    const failures: string[] = [];
    const values = [...badSegments, ...pageValues.map(([value]) => value), `${thread.id}x`, crypto.randomUUID(), `${"9".repeat(400)}`];
    for (const value of values) {
      const url = `/spotlights/neu?thema=${value}`;
      const response = await page.goto(url);
      if (response?.status() !== 200) failures.push(`${url.slice(0, 100)}: ${response?.status()}`);
      else if (!(await page.getByRole("heading", { level: 1, name: "Spotlight vorschlagen" }).isVisible())) failures.push(`${url.slice(0, 100)}: no form`);
      else if ((await page.getByText("Vorgeschlagen aus:").count()) > 0) failures.push(`${url.slice(0, 100)}: shows a source`);
    }
    expect(failures).toEqual([]);
    // repeated: the first counts
    await page.goto(`/spotlights/neu?thema=${thread.id}&thema=%00`);
    await expect(page.getByRole("link", { name: thread.title })).toBeVisible();
    await page.goto(`/spotlights/neu?thema=%00&thema=${thread.id}`);
    await expect(page.getByText("Vorgeschlagen aus:")).toHaveCount(0);
  });

  test("[bad-params] spotlight.similar and spotlight.create answer garbage with 4xx and a German message", async ({ asParticipant: page }) => {
    const failures: string[] = [];
    const calls: [string, unknown, "query" | "mutation"][] = [
      ["spotlight.similar", { title: "Bauantrag", excludeThreadId: "W".repeat(200) }, "query"],
      ["spotlight.similar", { title: null }, "query"],
      ["spotlight.create", { id: crypto.randomUUID(), title: "T", problem: "P", requestedAction: "A", groupIds: [crypto.randomUUID()] }, "mutation"],
      ["spotlight.create", { id: "S-1", title: "\u0000", problem: "", requestedAction: "", groupIds: "technik" }, "mutation"],
      ["spotlight.create", { id: crypto.randomUUID(), title: "T", problem: "P", requestedAction: "A", groupIds: [], sourceThreadId: crypto.randomUUID() }, "mutation"],
    ];
    for (const [path, input, kind] of calls) {
      const { status, error } = await trpc(page.request, path, input, kind);
      if (status < 400 || status >= 500 || !error?.message || /Invalid|Expected|unerwarteter/.test(error.message)) {
        failures.push(`${path} ${JSON.stringify(input).slice(0, 80)}: ${status} ${error?.message}`);
      }
    }
    expect(failures).toEqual([]);
    // any typed title is a valid question: a long one is simply answered
    const long = await trpc(page.request, "spotlight.similar", { title: `${"Donaudampfschifffahrt ".repeat(300)}` }, "query");
    expect(long.status).toBe(200);
    expect(Array.isArray(long.data.spotlights)).toBe(true);
  });

  test("[bad-params] spotlight board and CSV export: garbage filters give the nearest valid board", async ({ asParticipant: page }) => {
    test.slow(); // about 40 page loads
    const failures: string[] = [];
    const garbage = ["%00", "%E0%A4%A", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "W".repeat(3000), "'%20OR%201=1--", "__proto__", "-1", "1e400"];
    const cases = [
      ...garbage.flatMap((value) => ["gruppe", "status", "ressort", "kommune", "ansicht", "sortierung", "richtung"].map((param) => `${param}=${value}`)),
      "gruppe=technik&gruppe=strategie&ansicht=liste&ansicht=board",
      "status=vorgeschlagen&status=GIBTESNICHT&status=abgelehnt,%00,beantwortet",
      `status=${"x,".repeat(2000)}`,
      "gruppe=gibt-es-nicht&ressort=Ministerium%20f%C3%BCr%20Nichts&sortierung=frist&richtung=seitwaerts",
    ];
    for (const query of cases) {
      const url = `/spotlights?${query}`;
      const response = await page.goto(url);
      if (response?.status() !== 200) failures.push(`${url.slice(0, 100)}: ${response?.status()}`);
      else if (!(await page.getByRole("heading", { level: 1, name: "Spotlights" }).isVisible())) failures.push(`${url.slice(0, 100)}: no board`);
    }
    // an unknown group is dropped: the form shows all groups, not a group that does not exist
    await page.goto("/spotlights?gruppe=gibt-es-nicht");
    if ((await page.getByRole("form", { name: "Spotlights filtern" }).getByLabel("Arbeitsgruppe").inputValue()) !== "") failures.push("unknown group kept in the form");
    for (const query of cases.slice(0, 20)) {
      const response = await page.request.get(`/api/spotlights/export?${query}`, { failOnStatusCode: false });
      if (response.status() !== 200 || !(response.headers()["content-type"] ?? "").startsWith("text/csv")) failures.push(`export ${query.slice(0, 80)}: ${response.status()}`);
    }
    expect(failures).toEqual([]);
  });

  test("[bad-params] OZG service table and its exports: garbage filters give the nearest valid view", async ({ asReader: page }) => {
    test.slow(); // about 35 page loads, most of them redirected to the view's short URL
    const failures: string[] = [];
    const garbage = ["%00", "%E0%A4%A", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "W".repeat(3000), "'%20OR%201=1--", "__proto__", "-1", "1e400"];
    const params = ["q", "ressort", "prioritaet", "phase", "themenfeld", "lage", "fokus", "verfuegbarkeit", "sortierung", "richtung", "seite"];
    const cases = [
      // every parameter at once with each garbage value, and each parameter alone with the nastiest two
      // (the long value alone: eleven of it would exceed the server's header limit, a 431 before any page)
      ...garbage.filter((value) => value.length < 100).map((value) => params.map((param) => `${param}=${value}`).join("&")),
      ...["%E0%A4%A", "W".repeat(3000)].flatMap((value) => params.map((param) => `${param}=${value}`)),
      "phase=pilotierung&phase=GIBTESNICHT&phase=rollout,%00,umgesetzt",
      `ressort=${"MI,".repeat(2000)}`,
      "themenfeld=Nirgendwo&lage=Nirgends&sortierung=land&richtung=seitwaerts&seite=99999999999",
    ];
    for (const query of cases) {
      const url = `/ozg/leistungen?${query}`;
      const response = await page.goto(url);
      if (response?.status() !== 200) failures.push(`${url.slice(0, 100)}: ${response?.status()}`);
      else if (!(await page.getByRole("heading", { level: 1, name: "OZG-Leistungen" }).isVisible())) failures.push(`${url.slice(0, 100)}: no table page`);
    }
    // an unknown phase is dropped: every service rather than none
    await page.goto("/ozg/leistungen?phase=gibt-es-nicht");
    if (!(await page.getByRole("region", { name: "OZG-Leistungen" }).isVisible())) failures.push("unknown phase filtered everything");
    for (const query of cases.filter((_, index) => index % 4 === 0)) {
      for (const format of ["csv", "xlsx"]) {
        const response = await page.request.get(`/api/ozg/export.${format}?${query}`, { failOnStatusCode: false });
        if (response.status() !== 200) failures.push(`export.${format} ${query.slice(0, 80)}: ${response.status()}`);
      }
    }
    expect(failures).toEqual([]);
  });

  test("[bad-params] tRPC answers garbage query input with 4xx and a German message", async ({ asParticipant: page }) => {
    const failures: string[] = [];
    const inputs: [string, unknown][] = [
      ["post.list", { threadId: crypto.randomUUID(), page: 123_456_789_012 }],
      ["post.since", { threadId: crypto.randomUUID(), afterSeq: 123_456_789_012 }],
      ["group.threads", { groupId: crypto.randomUUID(), page: 1 }],
      ["group.bySlug", { slug: "\u0000" }],
      ["thread.byId", { threadId: "W".repeat(200) }],
      ["report.list", { status: "\u0000", page: 123_456_789_012 }],
      ["user.audit", { action: "x".repeat(200), from: "2026-02-30" }],
      ["search.find", { query: "Bauantrag", from: "2026-13-45", page: 0 }],
      ["spotlight.byId", { spotlightId: "W".repeat(200) }],
      ["spotlight.byId", { spotlightId: crypto.randomUUID() }],
    ];
    for (const [path, input] of inputs) {
      const { status, error } = await trpc(page.request, path, input, "query");
      if (status < 400 || status >= 500 || !error?.message || /Invalid|Expected|unerwarteter/.test(error.message)) {
        failures.push(`${path} ${JSON.stringify(input).slice(0, 80)}: ${status} ${error?.message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  test("[bad-params] OZG service page: unknown and garbage IDs give the German 404", async ({ asParticipant, asReader }) => {
    for (const segment of [...badSegments, "99999999", "10169x", "10169%20", "%3Cscript%3E"]) {
      await expectNotFound(asParticipant, `/ozg/leistungen/${segment}`);
    }
    await expectNotFound(asReader, "/ozg/leistungen/W%00");
    for (const query of ["?seite=123456789012", "?x=%00", "?sortierung=%E0%A4%A"]) {
      const response = await asReader.goto(`/ozg/leistungen/10169${query}`);
      expect(response?.status(), query).toBe(200);
      await expect(asReader.getByRole("heading", { level: 1, name: "Führerschein" })).toBeVisible();
    }
  });

  test("[bad-params] results document: garbage and unknown version numbers give the German 404, a garbage comparison the nearest one", async ({ asReader }) => {
    test.slow();
    // a malformed percent-escape never reaches the version page: the router answers the general 404
    for (const segment of badSegments) await expectNotFound(asReader, `/ergebnisse/versionen/${segment}`, "nicht gefunden");
    for (const segment of ["abc", "0", "-1", "99999", "1e3", "01"]) await expectNotFound(asReader, `/ergebnisse/versionen/${segment}`, "Version nicht gefunden");
    for (const segment of ["abc", "0", "99999"]) await expectNotFound(asReader, `/ergebnisse/versionen/${segment}/druck`, "Version nicht gefunden");
    for (const query of ["?von=abc&zu=%00", "?von=123456789012&zu=-1", "?von=1&zu=1", "?zu=9".concat("9".repeat(400)), "?von=%E0%A4%A"]) {
      const response = await asReader.goto(`/ergebnisse/vergleich${query}`);
      expect(response?.status(), query).toBe(200);
      await expect(asReader.getByRole("heading", { level: 1, name: "Versionen vergleichen" })).toBeVisible();
    }
  });
});
