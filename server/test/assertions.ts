import assert from "node:assert/strict";
import { ZodError } from "zod";
import { AppError, type AppErrorCode } from "../errors";

/** Asserts that `fn` rejects with an AppError of this code (and, if given, this message). */
export async function rejectsWithAppError(fn: () => Promise<unknown>, code: AppErrorCode, message?: string): Promise<void> {
  await assert.rejects(fn, (error: unknown) => {
    assert.ok(error instanceof AppError, `expected an AppError ${code}, got ${String(error)}`);
    assert.equal(error.code, code);
    if (message !== undefined) assert.equal(error.message, message);
    return true;
  });
}

/** Asserts that `fn` rejects with a ZodError whose first issue has this (German) message. */
export async function rejectsWithZodMessage(fn: () => Promise<unknown>, message: string): Promise<void> {
  await assert.rejects(fn, (error: unknown) => {
    assert.ok(error instanceof ZodError, `expected a ZodError, got ${String(error)}`);
    assert.equal(error.issues[0]?.message, message);
    return true;
  });
}
