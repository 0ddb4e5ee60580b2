import { expect, expectAccessible, horizontalOverflow, recordDialogs, screens, test } from "./fixtures";

/** A word only this test's posts contain (letters only, so the parser keeps it whole). */
const uniqueWord = () => `Kranich${Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("")}`;

test("[search] participant searches from the header, sees highlighted hits, filters by group and opens a result", async ({
  asParticipant: page,
  make,
}) => {
  const word = uniqueWord();
  const own = await make.thread({
    slug: "organisation",
    title: make.name(`Bauantrag digital ${word}`),
    body: `Wir nehmen **Bauanträge** seit März nur noch online an. ${word}`,
  });
  // the opening post matches too, but it is the title hit's snippet, not a hit of its own
  await make.post(own.id, `Die **Bauanträge** prüft bei uns die Bauaufsicht im Fachverfahren. ${word}`);
  const other = await make.thread({ slug: "strategie", title: make.name("Landesstrategie"), body: `Auch der Bauantrag gehört in die Strategie. ${word}` });

  await page.goto("/arbeitsgruppen");
  const field = page.getByRole("search", { name: "Suche" }).getByRole("searchbox", { name: "Suche" });
  await field.fill(`Bauanträge ${word}`);
  await field.press("Enter");
  await expect(page).toHaveURL(/\/suche\?q=Bauantr%C3%A4ge\+Kranich/);
  await expect(page.getByRole("heading", { level: 1, name: "Suche" })).toBeVisible();

  const results = page.getByTestId("search-results").getByRole("listitem");
  await expect(page.getByRole("status")).toHaveText(`3 Treffer für „Bauanträge ${word}“`);
  await expect(results).toHaveCount(3);
  // the title hit ranks first; stemming found "Bauantrag" and "Bauanträge"
  await expect(results.first().getByRole("link")).toHaveAttribute("href", own.url);
  await expect(results.first().locator("mark").first()).toHaveText("Bauantrag");
  // in the second post's hit and in the title hit's snippet (its opening post)
  await expect(page.locator("mark", { hasText: /^Bauanträge$/ })).toHaveCount(2);
  await expect(page.getByTestId("search-results").getByText("Landesstrategie", { exact: false })).toHaveCount(1);
  await expectAccessible(page);
  await screens(page, "search-results");

  await page.getByRole("combobox", { name: "Arbeitsgruppe" }).selectOption({ label: "Arbeitsgruppe Organisation" });
  await page.getByRole("button", { name: "Suchen", exact: true }).last().click();
  await expect(page).toHaveURL(/gruppe=organisation/);
  await expect(page.getByRole("status")).toHaveText(`2 Treffer für „Bauanträge ${word}“`);
  await expect(page.getByTestId("search-results").getByText(other.title)).toHaveCount(0);
  const postLink = results.nth(1).getByRole("link");
  await expect(postLink).toHaveAttribute("href", /^\/beitraege\/[0-9a-f-]{36}$/);

  // the filtered search is a link: reloading keeps it
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Arbeitsgruppe" })).toHaveValue("organisation");
  await expect(page.getByRole("searchbox", { name: "Suchbegriff" })).toHaveValue(`Bauanträge ${word}`);

  await results.first().getByRole("link").click();
  await expect(page).toHaveURL(own.url);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(own.title);
});

test("[search] a reader has no search field and no search page", async ({ asReader: page }) => {
  await page.goto("/");
  await expect(page.getByRole("banner")).toBeVisible();
  await expect(page.getByRole("search")).toHaveCount(0);
  expect((await page.goto("/suche?q=Bauantrag"))?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Kein Zugriff" })).toBeVisible();
  await expect(page.getByTestId("search-results")).toHaveCount(0);
});

test("[search] an empty search explains itself; hostile text in posts stays text; 320 px fits", async ({ asParticipant: page, make }) => {
  const dialogs = recordDialogs(page);
  await page.goto("/suche");
  await expect(page.getByText("Geben Sie einen Suchbegriff ein")).toBeVisible();
  await page.goto("/suche?q=%21%21%21");
  await expect(page.getByText("enthält keine Wörter, nach denen gesucht werden kann")).toBeVisible();

  const word = uniqueWord();
  const longWord = "Donaudampfschifffahrtsgesellschaft".repeat(6);
  await make.thread({ slug: "umsetzung", title: make.name("Sonderzeichen"), body: `<script>alert(1)</script> <img src=x onerror=alert(2)> ${word} ${longWord}` });
  await page.goto(`/suche?q=${word}`);
  const hit = page.getByTestId("search-results").getByRole("listitem");
  await expect(hit).toHaveCount(1);
  await expect(hit.locator("mark")).toHaveText(word);
  await expect(hit).toContainText("<script>alert(1)</script>");
  await expect(hit.locator("script, img")).toHaveCount(0);

  await page.goto(`/suche?q=${encodeURIComponent(`"${"x".repeat(1000)}" OR -( :* & |`)}`);
  await expect(page.getByRole("heading", { level: 2, name: "Treffer" })).toBeVisible();

  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto(`/suche?q=${word}`);
  await expect(page.getByRole("search", { name: "Suche" }).getByRole("searchbox")).toBeVisible();
  expect(await horizontalOverflow(page)).toBe(0);
  await screens(page, "search-hostile");
  expect(dialogs).toEqual([]);
});
