import type { Page } from "@playwright/test";
import { xssCorpus } from "../server/test/xss-corpus";
import { createInvitation, expect, pageAs, recordDialogs, test, trpc, uniqueEmail, waitForLive } from "./fixtures";
import { NewThreadPage } from "./pages/new-thread-page";
import { ThreadPage } from "./pages/thread-page";

/** The nastiest payloads of the corpus the unit tests run in full (server/test/xss.test.ts). */
const sample = xssCorpus.filter((entry) => entry.browser);

/**
 * Everything in the whole document that could run script: event-handler attributes, URLs with a
 * scheme other than http(s)/mailto (as the browser resolved them), and script-capable elements or
 * styles inside the places that show people's text.
 */
async function scriptHoles(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const describe = (element: Element) => element.outerHTML.slice(0, 120);
    for (const element of document.querySelectorAll("*")) {
      for (const attribute of element.attributes) {
        const name = attribute.name.toLowerCase();
        if (name.startsWith("on")) problems.push(`handler ${describe(element)}`);
        if (["href", "src", "action", "formaction", "xlink:href", "data", "background"].includes(name)) {
          // an unparsable URL is never followed
          const protocol = URL.parse(attribute.value, document.baseURI)?.protocol ?? "http:";
          if (!["http:", "https:", "mailto:"].includes(protocol)) problems.push(`${protocol} URL ${describe(element)}`);
        }
      }
    }
    const peopleText = ".prose-post, h1, [data-testid=thread-list], [data-testid=activity-feed], nav[aria-label]";
    const scriptCapable = "script, style, iframe, object, embed, svg, math, form, base, meta, link, [style], [srcdoc]";
    for (const container of document.querySelectorAll(peopleText)) {
      for (const element of container.querySelectorAll(scriptCapable)) problems.push(`element ${describe(element)}`);
    }
    for (const element of document.querySelectorAll("base, meta[http-equiv]")) problems.push(`head ${describe(element)}`);
    return problems;
  });
}

async function expectNoScriptHoles(page: Page, where: string) {
  await expect(page.locator("main")).toBeVisible();
  expect(await scriptHoles(page), where).toEqual([]);
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
  await expect(page.locator(".prose-post script")).toHaveCount(0);
}

test("[xss] the nastiest payloads as thread titles and first posts run nowhere: thread, group and home pages", async ({ asParticipant2: page, make }) => {
  test.setTimeout(180_000);
  const dialogs = recordDialogs(page);
  const threads = [];
  for (const { payload } of sample) threads.push(await make.thread({ title: make.name(payload), body: payload }));

  const view = new ThreadPage(page);
  for (const [index, thread] of threads.entries()) {
    await view.goto(thread.url);
    await expect(view.posts).toHaveCount(1);
    await expect(view.title).toHaveCount(1);
    await expectNoScriptHoles(page, `thread page: ${sample[index].label}`);
  }
  await page.goto("/arbeitsgruppen/technik");
  await expect(page.getByTestId("thread-list")).toBeVisible();
  await expectNoScriptHoles(page, "group page");
  await page.goto("/");
  await expect(page.getByTestId("activity-feed")).toBeVisible();
  await expectNoScriptHoles(page, "home page");
  expect(dialogs).toEqual([]);
});

test("[xss] payloads arriving live as posts and typed into the forms never run", async ({ asParticipant, asParticipant2, make }) => {
  const dialogs = [asParticipant, asParticipant2].map(recordDialogs);
  const form = new NewThreadPage(asParticipant);
  await form.goto("technik");
  const title = make.name(`"><img src=x onerror=alert("titel")>`);
  await form.open(title, `[x](javascript:alert("erster"))\n\n<svg onload=alert("erster")>`);
  const author = new ThreadPage(asParticipant);
  await expect(author.title).toHaveText(title);

  const watcher = new ThreadPage(asParticipant2);
  await watcher.goto(asParticipant.url());
  await waitForLive(asParticipant2);
  const threadId = asParticipant.url().split("/").pop()!;
  // through the composer once, the rest over the API: the watcher renders them all from the socket
  await author.reply(sample[0].payload);
  await expect(author.composer).toHaveValue("");
  for (const { payload } of sample.slice(1)) await make.post(threadId, payload);

  await expect(watcher.posts).toHaveCount(1 + sample.length);
  await expectNoScriptHoles(asParticipant2, "thread page, live");
  await asParticipant2.goto("/");
  await expect(asParticipant2.getByTestId("activity-feed")).toBeVisible();
  await expectNoScriptHoles(asParticipant2, "home page");
  expect(dialogs.flat()).toEqual([]);
});

test("[xss] a person whose name and organisation are payloads shows as text in posts, the feed and the admin page", async ({
  asAdmin,
  asParticipant2,
  browser,
  make,
}, testInfo) => {
  const name = `<img src=x onerror=alert("name")> ${testInfo.workerIndex}`;
  const organisation = `"><svg onload=alert("organisation")> ${testInfo.workerIndex}`;
  const email = uniqueEmail(testInfo, "xss");
  const token = await createInvitation(asAdmin.request, { email, organisation, role: "PARTICIPANT" });
  const { error } = await trpc(asAdmin.request, "invitation.accept", { token, name, password: "e2e-passwort-sicher" });
  expect(error, "invitation.accept").toBeUndefined();
  const person = await pageAs(browser, email, "e2e-passwort-sicher");
  const dialogs = [person, asParticipant2, asAdmin].map(recordDialogs);

  const thread = await make.thread({ as: person, title: make.name("Thema einer Person mit Markup im Namen") });
  await person.goto("/");
  await expect(person.getByRole("heading", { level: 1 })).toContainText(name);
  await expectNoScriptHoles(person, "home page of the person");

  const view = new ThreadPage(asParticipant2);
  await view.goto(thread.url);
  await expect(view.posts.first()).toContainText(name);
  await expect(view.posts.first()).toContainText(organisation);
  await expectNoScriptHoles(asParticipant2, "thread page");
  await asParticipant2.goto("/");
  await expect(asParticipant2.getByTestId("activity-feed")).toContainText(name);
  await expectNoScriptHoles(asParticipant2, "home page");

  await asAdmin.goto("/verwaltung");
  await expect(asAdmin.getByRole("cell", { name: organisation }).first()).toBeVisible();
  await expectNoScriptHoles(asAdmin, "admin page");
  expect(dialogs.flat()).toEqual([]);
  await person.context().close();
});

test("[xss] the page check itself finds planted holes", async ({ asParticipant2: page, make }) => {
  const thread = await make.thread();
  await page.goto(thread.url);
  await expect(page.locator(".prose-post")).toHaveCount(1);
  expect(await scriptHoles(page)).toEqual([]);
  await page.locator(".prose-post").evaluate((post) => {
    post.insertAdjacentHTML("beforeend", '<a href=" java&#x09;script:void(0)">a</a><img alt="" onerror="void(0)"><svg></svg>');
    post.appendChild(document.createElement("script"));
  });
  const holes = await scriptHoles(page);
  for (const hole of ["javascript: URL", "handler", "element <svg", "element <script"]) {
    expect(holes.some((problem) => problem.startsWith(hole)), hole).toBe(true);
  }
});
