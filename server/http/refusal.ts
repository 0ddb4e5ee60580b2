import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError } from "zod";
import { appErrors, toAppError, type AppError, type AppErrorCode } from "../errors";
import { log } from "../log";

/** The HTTP status of an AppError, as tRPC would answer it. */
export const httpStatusOf = (error: AppError): number => getHTTPStatusCodeFromError(new TRPCError({ code: appErrors[error.code].trpc }));

/** A route handler's refusal: logged (unexpected errors by toAppError), as the status a tRPC call would get. */
export function refusalOf(error: unknown, what: string): { status: number; error: AppError } {
  const appError = toAppError(error);
  const status = httpStatusOf(appError);
  if (status < 500) log().info({ code: appError.code }, `${what} refused`);
  return { status, error: appError };
}

/** Answers that must never be cached: refusals, uploads' results. */
export const noStore = { "Cache-Control": "no-store" } as const;

/** A refusal's status, code and German message; a ZodError (a bad query or form) is BAD_INPUT with its first issue. */
export function describeRefusal(error: unknown, what: string): { status: number; code: AppErrorCode; message: string } {
  if (error instanceof ZodError) return { status: 400, code: "BAD_INPUT", message: error.issues[0]?.message ?? appErrors.BAD_INPUT.message };
  const { status, error: appError } = refusalOf(error, what);
  return { status, code: appError.code, message: appError.message };
}

/** The same as JSON `{ error: { code, message } }`, for the uploads the pages' scripts send. */
export function jsonRefusal(error: unknown, what: string): Response {
  const { status, code, message } = describeRefusal(error, what);
  return Response.json({ error: { code, message } }, { status, headers: noStore });
}

/** The same as German plain text, for downloads (CSV, iCalendar) opened by a browser or a calendar client. */
export function textRefusal(error: unknown, what: string, messages: Partial<Record<AppErrorCode, string>> = {}): Response {
  const { status, error: appError } = refusalOf(error, what);
  return new Response(messages[appError.code] ?? appError.message, {
    status,
    headers: { ...noStore, "Content-Type": "text/plain; charset=utf-8" },
  });
}
