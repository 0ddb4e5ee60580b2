import assert from "node:assert/strict";
import { test } from "node:test";
import { AppError, appErrors, toAppError } from "./errors";
import { captureLog } from "./test/capture-log";

test("[errors] every code has a German default message and a tRPC code", () => {
  for (const [code, { trpc, message }] of Object.entries(appErrors)) {
    assert.match(trpc, /^[A-Z_]+$/, code);
    assert.ok(message.length > 10 && /[.!?]$/.test(message), `${code}: ${message}`);
  }
  assert.equal(new AppError("NOT_FOUND").message, "Das gesuchte Element wurde nicht gefunden.");
  assert.equal(new AppError("NOT_FOUND", "Eigener Text.").message, "Eigener Text.");
});

test("[errors] toAppError keeps AppErrors and maps Prisma's unique and not-found errors", () => {
  const own = new AppError("THREAD_LOCKED");
  assert.equal(toAppError(own), own);
  assert.equal(toAppError(Object.assign(new Error("Unique constraint"), { code: "P2002" })).code, "CONFLICT");
  assert.equal(toAppError(Object.assign(new Error("Record not found"), { code: "P2025" })).code, "NOT_FOUND");
  // a write referring to a row deleted meanwhile: Prisma's query (P2003) or raw SQL through the adapter (P2010)
  assert.equal(toAppError(Object.assign(new Error("Foreign key constraint violated"), { code: "P2003" })).code, "NOT_FOUND");
  const rawForeignKey = { code: "P2010", meta: { driverAdapterError: { cause: { kind: "ForeignKeyConstraintViolation" } } } };
  assert.equal(toAppError(Object.assign(new Error("raw"), rawForeignKey)).code, "NOT_FOUND");
});

test("[errors] anything else becomes INTERNAL with a generic German message and is logged", (t) => {
  const captured = captureLog();
  t.after(captured.restore);
  const error = toAppError(new Error("connection refused at 10.0.0.5"));
  assert.equal(error.code, "INTERNAL");
  assert.equal(error.message, "Ein unerwarteter Fehler ist aufgetreten.");
  const lines = captured.lines();
  assert.equal(lines.length, 1);
  assert.equal(lines[0].level, "error");
  assert.equal((lines[0].err as { message: string }).message, "connection refused at 10.0.0.5");
  assert.equal(toAppError(undefined).code, "INTERNAL");
});
