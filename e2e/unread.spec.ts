import { expect, screens, test, trpc, waitForLive, expectAccessible } from "./fixtures";
import { GroupPage } from "./pages/group-page";
import { ThreadPage } from "./pages/thread-page";

// a group no other spec counts on for unread state; every thread here has a unique title
const GROUP = "organisation";

test("[unread] a post by someone else shows as new in the list, live; opening the thread jumps to the Neu divider", async ({
  asParticipant,
  asParticipant2,
  make,
}) => {
  // 50 posts through the API to reach a second page
  test.slow();
  // the participant opens the thread and writes 50 more posts: all read, as their own
  const thread = await make.thread({ slug: GROUP, as: asParticipant });
  for (let i = 2; i <= 51; i++) await make.post(thread.id, `Eigener Beitrag ${i}`, asParticipant);

  const group = new GroupPage(asParticipant);
  await group.goto(GROUP);
  await waitForLive(asParticipant);
  const row = group.thread(thread.title);
  await expect(row).toContainText("51 Beiträge");
  await expect(row.getByText(/neu$/i)).toHaveCount(0);

  // someone else answers: the count appears without a reload
  await make.post(thread.id, "Die erste neue Antwort von Sabine", asParticipant2);
  await expect(row.getByText("1 neu", { exact: true })).toBeVisible();
  await make.post(thread.id, "Die zweite neue Antwort von Sabine", asParticipant2);
  await expect(row.getByText("2 neu", { exact: true })).toBeVisible();
  await screens(asParticipant, "unread-list");

  // opening without a page number goes to page 2, where the first unread post is, and scrolls to it
  await row.getByRole("link", { name: thread.title }).click();
  await expect(asParticipant).toHaveURL(new RegExp(`/themen/${thread.id}$`));
  const view = new ThreadPage(asParticipant);
  const divider = asParticipant.getByRole("heading", { name: "Neu", exact: true });
  await expect(divider).toBeInViewport();
  await expect(view.posts).toHaveCount(3);
  await expect(asParticipant.locator("#beitrag-52")).toContainText("Die erste neue Antwort von Sabine");
  // the divider sits right above the first unread post
  await expect(asParticipant.locator("li", { has: divider }).getByRole("article")).toContainText("Die erste neue Antwort");
  await expectAccessible(asParticipant);
  await screens(asParticipant, "unread-divider");

  // shown means read: back in the list, nothing is new
  await expect
    .poll(async () => (await trpc(asParticipant.request, "group.threads", { groupId: await make.groupId(GROUP) }, "query")).data.readUpTo[thread.id])
    .toBe(53);
  await group.goto(GROUP);
  await expect(row).toContainText("53 Beiträge");
  await expect(row.getByText(/neu$/i)).toHaveCount(0);

  // a post arriving while the thread is open and visible is read at once
  await view.goto(thread.url);
  await waitForLive(asParticipant);
  await make.post(thread.id, "Live gelesen", asParticipant2);
  await expect(view.post("Live gelesen")).toHaveCount(1);
  await expect
    .poll(async () => (await trpc(asParticipant.request, "group.threads", { groupId: await make.groupId(GROUP) }, "query")).data.readUpTo[thread.id])
    .toBe(54);
});

test("[unread] 'Alle als gelesen markieren' clears the group's badges, also in another tab; own posts never count", async ({
  asParticipant,
  asParticipant2,
  make,
}) => {
  const unopened = await make.thread({ slug: GROUP, as: asParticipant2, title: make.name("Nie geöffnet") });
  const answered = await make.thread({ slug: GROUP, as: asParticipant, title: make.name("Beantwortet") });
  await make.post(answered.id, "Eine Antwort, die neu ist", asParticipant2);

  const first = new GroupPage(asParticipant);
  await first.goto(GROUP);
  const secondTab = await asParticipant.context().newPage();
  const second = new GroupPage(secondTab);
  await second.goto(GROUP);
  await waitForLive(asParticipant);
  await waitForLive(secondTab);

  await expect(first.thread(unopened.title).getByText("Neu", { exact: true })).toBeVisible();
  await expect(first.thread(answered.title).getByText("1 neu", { exact: true })).toBeVisible();
  await expectAccessible(asParticipant);

  await asParticipant.getByRole("button", { name: "Alle als gelesen markieren" }).click();
  await expect(asParticipant.getByRole("status").filter({ hasText: "Alle Themen sind als gelesen markiert." })).toBeVisible();
  for (const list of [first, second]) {
    await expect(list.thread(unopened.title).getByText(/neu$/i)).toHaveCount(0);
    await expect(list.thread(answered.title).getByText(/neu$/i)).toHaveCount(0);
  }

  // the participant's own reply raises the post count but is not new to them
  await make.post(answered.id, "Meine eigene Antwort", asParticipant);
  await expect(second.thread(answered.title)).toContainText("3 Beiträge");
  await expect(second.thread(answered.title).getByText(/neu$/i)).toHaveCount(0);
  // someone else's is
  await make.post(answered.id, "Wieder etwas Neues", asParticipant2);
  await expect(second.thread(answered.title).getByText("1 neu", { exact: true })).toBeVisible();
  await secondTab.close();
});
