import assert from "node:assert/strict";
import { test } from "node:test";
import { parseTalkListParams, talkListHref, talkListInput } from "./impulse-params";

test("[impulse-params] an empty URL is the upcoming talks of every series and group", () => {
  assert.deepEqual(parseTalkListParams({}), { zeit: "bevorstehend" });
  assert.equal(talkListHref(parseTalkListParams({})), "/impulse");
  assert.deepEqual(talkListInput(parseTalkListParams({}), undefined), { period: "upcoming" });
});

test("[impulse-params] a full URL is read as written and written back the same", () => {
  const params = parseTalkListParams({ zeit: "vergangen", reihe: "LIGHTHOUSE", gruppe: "technik" });
  assert.deepEqual(params, { zeit: "vergangen", reihe: "LIGHTHOUSE", gruppe: "technik" });
  assert.equal(talkListHref(params), "/impulse?zeit=vergangen&reihe=LIGHTHOUSE&gruppe=technik");
  assert.deepEqual(talkListInput(params, "g1"), { period: "past", category: "LIGHTHOUSE", groupId: "g1" });
});

test("[impulse-params] garbage is ignored, case and repeats are forgiven", () => {
  for (const garbage of ["%00", "W".repeat(5000), "<script>", "'; DROP TABLE", "\u200B", ""]) {
    assert.deepEqual(parseTalkListParams({ zeit: garbage, reihe: garbage, gruppe: garbage }), { zeit: "bevorstehend" }, garbage.slice(0, 20));
  }
  assert.deepEqual(parseTalkListParams({ zeit: ["Vergangen", "bevorstehend"], reihe: ["future"], gruppe: " Technik " }), {
    zeit: "vergangen",
    reihe: "FUTURE",
    gruppe: "technik",
  });
});
