import assert from "node:assert/strict";
import { after, test } from "node:test";
import { defaultSpotlightBoardParams } from "../../schemas/spotlight-params";
import { openTestDatabase } from "../../test/test-db";
import { spotlightBoardState } from "./board-state";

const testDb = await openTestDatabase({ seedDemo: true });
after(() => testDb.close());
const { participant, moderator, admin, reader } = testDb.actors;
const asked = { ...defaultSpotlightBoardParams, kommune: true };

test("[spotlight] \"von meiner Kommune mitgezeichnet\" is offered to participants, who co-sign for one", async () => {
  const state = await spotlightBoardState(participant, asked);
  assert.equal(state.options.canFilterByMunicipality, true);
  assert.equal(state.params.kommune, true);
  assert.equal(state.input.cosignedByMyMunicipality, true);
});

test("[spotlight] moderation, administration and readers are not offered the municipality filter, and a URL asking for it is ignored", async () => {
  for (const actor of [moderator, admin, reader]) {
    const state = await spotlightBoardState(actor, asked);
    assert.equal(state.options.canFilterByMunicipality, false, actor.role);
    assert.equal(state.params.kommune, false, actor.role);
    assert.notEqual(state.input.cosignedByMyMunicipality, true, actor.role);
  }
});
