import assert from "node:assert/strict";
import { test } from "node:test";
import { legalBasisParts } from "./ozg-legal-basis";

test("[ozg] legal basis: bracketed addresses become links, the law stays text", () => {
  assert.deepEqual(legalBasisParts("§ 4 Fahrerlaubnis-Verordnung (FeV) [http://www.gesetze-im-internet.de/fev_2010/__4.html]"), [
    { kind: "text", text: "§ 4 Fahrerlaubnis-Verordnung (FeV) " },
    { kind: "link", href: "http://www.gesetze-im-internet.de/fev_2010/__4.html", label: "gesetze-im-internet.de/fev_2010/__4.html" },
  ]);
  const two = legalBasisParts("§ 1 A (A) [https://a.example/1], § 2 B [www.gesetze-im-internet.de/gbzugv_2011/]");
  assert.deepEqual(
    two.map((part) => (part.kind === "link" ? part.href : part.text)),
    ["§ 1 A (A) ", "https://a.example/1", ", § 2 B ", "https://www.gesetze-im-internet.de/gbzugv_2011/"],
  );
});

test("[ozg] legal basis: no other scheme becomes a link", () => {
  for (const text of ["Gesetz [javascript:alert(1)]", "Gesetz [data:text/html,<b>x</b>]", "Gesetz [//evil.example]", "Gesetz [Anlage 1]", "Gesetz [http://]"]) {
    assert.ok(legalBasisParts(text).every((part) => part.kind === "text"), text);
    assert.equal(legalBasisParts(text).map((part) => (part.kind === "text" ? part.text : "")).join(""), text);
  }
  assert.deepEqual(legalBasisParts(""), []);
});
