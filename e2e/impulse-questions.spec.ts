import type { APIRequestContext, Page } from "@playwright/test";
import { expect, expectAccessible, horizontalOverflow, screens, test, trpc, waitForLive } from "./fixtures";

/** The parts of a talk's Q&A the tests look at. */
function questionsOf(page: Page) {
  const section = page.getByRole("region", { name: "Fragen", exact: true });
  const open = section.getByRole("list", { name: "Offene Fragen" });
  const answered = section.getByRole("list", { name: "Beantwortete Fragen" });
  return {
    section,
    askField: section.getByRole("textbox", { name: "Ihre Frage" }),
    askButton: section.getByRole("button", { name: "Frage stellen" }),
    open,
    answered,
    hidden: section.getByRole("list", { name: "Ausgeblendete Fragen" }),
    /** the question's list item, wherever it is listed */
    item: (body: string) => section.locator("li[data-question-id]").filter({ has: page.getByText(body, { exact: true }) }),
    /** the bodies of the open questions, in the order shown */
    openOrder: () => open.getByTestId("question-body").allTextContents(),
    voteButton: (body: string) => section.locator("li[data-question-id]").filter({ has: page.getByText(body, { exact: true }) }).getByRole("button", { name: /^Frage unterstützen, / }),
  };
}

async function ask(request: APIRequestContext, talkId: string, body: string): Promise<string> {
  const { data, error } = await trpc(request, "impulseTalk.ask", { id: crypto.randomUUID(), talkId, body });
  expect(error).toBeUndefined();
  return data.id as string;
}

async function vote(request: APIRequestContext, questionId: string) {
  const { error } = await trpc(request, "impulseTalk.vote", { questionId });
  expect(error).toBeUndefined();
}

test("[impulse] a participant asks, a second upvotes it live, moderation answers with a text, the asker is notified", async ({
  asParticipant,
  asParticipant2,
  asModerator,
  make,
}) => {
  test.slow();
  const talk = await make.talk();
  const earlier = make.name("Wie viele Kommunen nutzen das Verfahren schon?");
  await ask(asParticipant2.request, talk.id, earlier);

  const asker = questionsOf(asParticipant);
  const voter = questionsOf(asParticipant2);
  await Promise.all([asParticipant.goto(talk.url), asParticipant2.goto(talk.url), asModerator.goto(talk.url)]);
  await Promise.all([waitForLive(asParticipant), waitForLive(asParticipant2), waitForLive(asModerator)]);

  // the participant asks
  const question = make.name("Lässt sich das Verfahren auf Sachsen-Anhalt übertragen?");
  await asker.askField.fill(question);
  await asker.askButton.click();
  await expect(asker.section.getByRole("status").filter({ hasText: "Ihre Frage wurde gestellt." })).toBeVisible();
  await expect(asker.askField).toHaveValue("");
  await expect(asker.item(question)).toContainText("Ihre Frage");
  expect(await asker.openOrder()).toEqual([earlier, question]);

  // the second participant's page got it live, and upvotes it
  const button = voter.voteButton(question);
  await expect(button).toHaveAccessibleName("Frage unterstützen, 0 Stimmen");
  await expect(button).toHaveAttribute("aria-pressed", "false");
  await button.click();
  await expect(button).toHaveAttribute("aria-pressed", "true");
  await expect(button).toHaveAccessibleName("Frage unterstützen, 1 Stimme");
  await expect(button).toBeFocused();

  // the asker's page shows the count and the new order, without a reload
  await expect(asker.item(question).getByTestId("vote-count")).toContainText("1 Stimme");
  await expect.poll(() => asker.openOrder()).toEqual([question, earlier]);

  // moderation marks it answered, with a text
  const moderation = questionsOf(asModerator);
  await moderation.item(question).getByRole("button", { name: "Als beantwortet markieren" }).click();
  const answer = make.name("Ja: Die Schnittstelle ist offen dokumentiert.");
  await moderation.item(question).getByRole("textbox", { name: "Antwort (optional)" }).fill(answer);
  await moderation.item(question).getByRole("button", { name: "Als beantwortet speichern" }).click();
  await expect(moderation.answered.getByText(answer)).toBeVisible();

  for (const page of [asker, voter]) {
    await expect(page.answered.locator("li[data-question-id]").filter({ hasText: question })).toContainText(answer);
    await expect(page.open.getByText(question)).toHaveCount(0);
  }
  await expect(asParticipant.getByTestId("live-announcer")).toHaveText("Ihre Frage wurde beantwortet.");

  // the asker is notified
  const bell = asParticipant.getByRole("button", { name: /^Benachrichtigungen, / });
  await bell.click();
  const entry = asParticipant.getByRole("region", { name: "Benachrichtigungen" }).getByRole("link", { name: new RegExp(`hat Ihre Frage beantwortet zu „${talk.title}“`) }).first();
  await expect(entry).toBeVisible();
  await expect(entry).toHaveAttribute("href", new RegExp(`^/impulse/${talk.id}#frage-`));
  await asParticipant.keyboard.press("Escape");

  await expectAccessible(asParticipant);
  await expectAccessible(asModerator);
  await screens(asParticipant, "impulse-questions-participant");
  await screens(asModerator, "impulse-questions-moderation");
  for (const page of [asParticipant, asModerator]) {
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await horizontalOverflow(page)).toBe(0);
  }
});

test("[impulse] votes of others reorder the list live while the keyboard focus and the reading position stay where they were", async ({
  asParticipant,
  asParticipant2,
  asModerator,
  asAdmin,
  make,
}) => {
  const talk = await make.talk();
  const bodies = Array.from({ length: 8 }, (_, i) =>
    make.name(`Frage ${i + 1}: Wie wurde die Umstellung in den Fachämtern begleitet, und welche Schulungen gab es für die Beschäftigten?`),
  );
  const ids: string[] = [];
  for (const body of bodies) ids.push(await ask(asParticipant2.request, talk.id, body));

  const page = asParticipant;
  await page.setViewportSize({ width: 1280, height: 600 });
  await page.goto(talk.url);
  await waitForLive(page);
  const list = questionsOf(page);
  expect(await list.openOrder()).toEqual(bodies);

  // the reader is on question 5, its vote button focused, in the middle of the screen
  const focusedBody = bodies[4]!;
  const button = list.voteButton(focusedBody);
  await button.focus();
  await page.evaluate((id) => {
    const item = document.getElementById(`frage-${id}`)!;
    window.scrollTo({ top: item.getBoundingClientRect().top + window.scrollY - 250, behavior: "instant" });
  }, ids[4]!);
  const item = list.item(focusedBody);
  const before = (await item.boundingBox())!;
  expect(Math.round(before.y)).toBe(250);

  // others vote for questions 8 and 7: both move up above the reader's question
  await vote(asModerator.request, ids[7]!);
  await vote(asAdmin.request, ids[7]!);
  await vote(asModerator.request, ids[6]!);
  await expect.poll(() => list.openOrder()).toEqual([bodies[7], bodies[6], ...bodies.slice(0, 6)]);
  await expect(list.voteButton(bodies[7]!)).toHaveAccessibleName("Frage unterstützen, 2 Stimmen");

  await expect(button).toBeFocused();
  const after = (await item.boundingBox())!;
  expect(Math.abs(after.y - before.y)).toBeLessThanOrEqual(2);
  // the reader heard where their question went, once the list had settled
  await expect(page.getByTestId("live-announcer")).toHaveText("Die Frage steht jetzt an Stelle 7 von 8.");

  // and the keyboard goes on from there: Space upvotes the focused question
  await page.keyboard.press("Space");
  await expect(button).toHaveAttribute("aria-pressed", "true");
  await expect(button).toBeFocused();
});

test("[impulse] moderation hides a question with a reason; readers see only answered questions and no ask form", async ({
  asParticipant,
  asParticipant2,
  asModerator,
  asReader,
  make,
}) => {
  const talk = await make.talk();
  const open = make.name("Eine offene Frage?");
  const unfit = make.name("Eine unpassende Frage mit Telefonnummer?");
  const answeredBody = make.name("Eine beantwortete Frage?");
  await ask(asParticipant.request, talk.id, open);
  await ask(asParticipant.request, talk.id, unfit);
  const answeredId = await ask(asParticipant2.request, talk.id, answeredBody);
  expect((await trpc(asModerator.request, "impulseTalk.answer", { questionId: answeredId, answer: "Im Vortrag beantwortet." })).error).toBeUndefined();

  await Promise.all([asParticipant2.goto(talk.url), asModerator.goto(talk.url), asReader.goto(talk.url)]);
  await Promise.all([waitForLive(asParticipant2), waitForLive(asModerator), waitForLive(asReader)]);
  const participant = questionsOf(asParticipant2);
  const moderation = questionsOf(asModerator);
  const reader = questionsOf(asReader);
  await expect(participant.item(unfit)).toBeVisible();
  // the participant is on the question that is about to go
  await participant.voteButton(unfit).focus();

  // a reason is required
  await moderation.item(unfit).getByRole("button", { name: "Ausblenden" }).click();
  const reasonField = moderation.item(unfit).getByRole("textbox", { name: "Grund (nur für die Moderation sichtbar)" });
  await expect(reasonField).toBeFocused();
  await moderation.item(unfit).getByRole("button", { name: "Frage ausblenden" }).click();
  await expect(moderation.item(unfit)).toContainText("Bitte geben Sie einen Grund ein.");
  await reasonField.fill("Enthält eine private Telefonnummer");
  await moderation.item(unfit).getByRole("button", { name: "Frage ausblenden" }).click();
  await expect(moderation.hidden.locator("li").filter({ hasText: unfit })).toContainText("Enthält eine private Telefonnummer");
  await expect(moderation.item(unfit)).toBeFocused();

  // gone from the participant's page, live; the reason never reaches it
  await expect(participant.item(unfit)).toHaveCount(0);
  await expect(participant.item(open)).toBeVisible();
  // their focus went to the neighbouring question, not to the top of the page
  await expect(participant.item(open)).toBeFocused();
  await expect(asParticipant2.getByText("Enthält eine private Telefonnummer")).toHaveCount(0);

  // the reader: the answered question with its answer, nothing open or hidden, no form, no vote buttons
  await expect(reader.answered.locator("li").filter({ hasText: answeredBody })).toContainText("Im Vortrag beantwortet.");
  await expect(reader.item(open)).toHaveCount(0);
  await expect(reader.item(unfit)).toHaveCount(0);
  await expect(reader.askField).toHaveCount(0);
  await expect(reader.section.getByRole("button")).toHaveCount(0);
  await expect(reader.section).toContainText("Fragen stellen und unterstützen können Teilnehmende.");
  await expectAccessible(asReader);
  await screens(asReader, "impulse-questions-reader");

  // shown again: back on the participant's page
  await moderation.item(unfit).getByRole("button", { name: "Wieder einblenden" }).click();
  await expect(participant.item(unfit)).toBeVisible();
  await expect(reader.item(unfit)).toHaveCount(0);
});

test("[impulse] a 10,000-character question, a double vote, a reader's question and a vote for one's own are refused in German", async ({
  asParticipant,
  asParticipant2,
  asReader,
  make,
}) => {
  const talk = await make.talk();
  const tooLong = "Warum ".repeat(1_667).slice(0, 10_000);

  // in the browser
  await asParticipant.goto(talk.url);
  const page = questionsOf(asParticipant);
  await page.askField.fill(tooLong);
  await page.askButton.click();
  await expect(page.askField).toHaveAccessibleDescription(/Eine Frage darf höchstens 1\.000 Zeichen lang sein\./);
  await expect(page.askField).toBeFocused();
  await page.askField.fill("   ");
  await page.askButton.click();
  await expect(page.askField).toHaveAccessibleDescription(/Bitte geben Sie eine Frage ein\./);
  await expect(page.section.locator("li[data-question-id]")).toHaveCount(0);

  // at the API
  const long = await trpc(asParticipant.request, "impulseTalk.ask", { id: crypto.randomUUID(), talkId: talk.id, body: tooLong });
  expect(long.status).toBe(400);
  expect(long.error?.message).toContain("Eine Frage darf höchstens 1.000 Zeichen lang sein.");
  const byReader = await trpc(asReader.request, "impulseTalk.ask", { id: crypto.randomUUID(), talkId: talk.id, body: "Darf ich?" });
  expect(byReader.status).toBe(403);

  const questionId = await ask(asParticipant.request, talk.id, make.name("Eine Frage zum Abstimmen?"));
  await vote(asParticipant2.request, questionId);
  const again = await trpc(asParticipant2.request, "impulseTalk.vote", { questionId });
  expect(again.status).toBe(409);
  expect(again.error?.message).toBe("Sie haben für diese Frage bereits gestimmt.");
  const own = await trpc(asParticipant.request, "impulseTalk.vote", { questionId });
  expect(own.status).toBe(403);
  expect(own.error?.message).toBe("Für Ihre eigene Frage können Sie nicht stimmen.");

  // nothing changed: one question, one vote
  const { data } = await trpc(asParticipant.request, "impulseTalk.questions", { talkId: talk.id }, "query");
  expect((data as { id: string; voteCount: number }[]).map((q) => [q.id, q.voteCount])).toEqual([[questionId, 1]]);
  await expectAccessible(asParticipant);
});

test("[impulse] the asker withdraws an open question after confirming; it leaves the other participant's list live", async ({ asParticipant, asParticipant2, make }) => {
  const talk = await make.talk();
  const question = make.name("Gibt es die Folien vorab?");
  const questionId = await ask(asParticipant.request, talk.id, question);
  await vote(asParticipant2.request, questionId);
  const asker = questionsOf(asParticipant);
  const other = questionsOf(asParticipant2);
  await Promise.all([asParticipant.goto(talk.url), asParticipant2.goto(talk.url)]);
  await Promise.all([waitForLive(asParticipant), waitForLive(asParticipant2)]);
  // only on one's own question
  await expect(other.item(question).getByRole("button", { name: "Frage zurückziehen" })).toHaveCount(0);

  await asker.item(question).getByRole("button", { name: "Frage zurückziehen" }).click();
  await expect(asker.item(question)).toContainText("Die Frage wird mit 1 Stimme entfernt.");
  await asker.item(question).getByRole("button", { name: "Behalten" }).click();
  await expect(asker.item(question)).toBeVisible();
  await asker.item(question).getByRole("button", { name: "Frage zurückziehen" }).click();
  await asker.item(question).getByRole("button", { name: "Ja, zurückziehen" }).click();
  await expect(asker.item(question)).toHaveCount(0);
  await expect(other.item(question)).toHaveCount(0);
  // someone else's question is refused at the API too
  const theirs = await ask(asParticipant2.request, talk.id, make.name("Und die Aufzeichnung?"));
  const { error } = await trpc(asParticipant.request, "impulseTalk.withdraw", { questionId: theirs });
  expect(error?.message).toBe("Dafür fehlt Ihnen die Berechtigung.");
});
