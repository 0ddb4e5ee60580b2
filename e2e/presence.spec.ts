import { expect, expectAccessible, screens, test, waitForLive } from "./fixtures";
import { ThreadPage } from "./pages/thread-page";

test("[presence] two people in a thread: the reader count goes 1 → 2 → 1 and typing shows and goes", async ({
  asParticipant,
  asParticipant2,
  make,
}) => {
  // two browsers, live events and an accessibility scan: slow on a busy machine
  test.slow();
  const thread = await make.thread({ slug: "technik", title: make.name("Wer liest mit") });
  const anna = new ThreadPage(asParticipant);
  await anna.goto(thread.url);
  await waitForLive(asParticipant);
  const presence = asParticipant.getByTestId("presence");
  await expect(presence).toHaveText("Nur Sie lesen gerade");

  const ben = new ThreadPage(asParticipant2);
  await ben.goto(thread.url);
  await waitForLive(asParticipant2);
  await expect(presence).toHaveText("2 Personen lesen gerade");
  await expect(asParticipant2.getByTestId("presence")).toHaveText("2 Personen lesen gerade");

  // Sabine types: Thomas sees it, Sabine does not see her own
  const typing = asParticipant.getByTestId("typing");
  await ben.composer.fill("Ich schreibe gerade eine Antwort");
  await expect(typing).toHaveText("Sabine Schulze schreibt …");
  // at once: without further typing the notice ends after a few seconds
  await screens(asParticipant, "presence-typing");
  await expect(typing).toHaveAttribute("aria-live", "polite");
  await expect(asParticipant2.getByTestId("typing")).toHaveText("");
  await expectAccessible(asParticipant);

  // sending ends it
  await ben.send.click();
  await expect(anna.post("Ich schreibe gerade eine Antwort")).toHaveCount(1);
  await expect(typing).toHaveText("");
  // the sender's composer empties once its send is acknowledged: typing before that would be emptied too
  await expect(ben.composer).toHaveValue("");

  // emptying the field ends it
  await ben.composer.fill("Noch ein Gedanke");
  await expect(typing).toHaveText("Sabine Schulze schreibt …");
  await ben.composer.fill("");
  await expect(typing).toHaveText("");

  // leaving ends it, and the count goes back
  await ben.composer.fill("Gleich weg");
  await expect(typing).toHaveText("Sabine Schulze schreibt …");
  await asParticipant2.goto("/arbeitsgruppen/technik");
  await expect(typing).toHaveText("");
  await expect(presence).toHaveText("Nur Sie lesen gerade");
});
