import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
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

/** The same as German plain text, for downloads (CSV, iCalendar) opened by a browser or a calendar client. */
export function textRefusal(error: unknown, what: string, messages: Partial<Record<AppErrorCode, string>> = {}): Response {
  const { status, error: appError } = refusalOf(error, what);
  return new Response(messages[appError.code] ?? appError.message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
