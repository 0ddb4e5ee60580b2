import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import type { Actor } from "./auth/policy";
import { actorFromCookieHeader } from "./auth/session";
import { AppError, appErrors, toAppError, type AppErrorCode } from "./errors";
import { publish } from "./realtime/publish";
import type { WithEvents } from "./realtime/events";
import "./schemas/common";

export interface Context {
  actor: Actor | null;
}

export async function createContext({ req }: { req: Request }): Promise<Context> {
  return { actor: await actorFromCookieHeader(req.headers.get("cookie")) };
}

const trpcOwnMessages: Partial<Record<TRPCError["code"], string>> = {
  NOT_FOUND: "Diese Schnittstelle gibt es nicht.",
  METHOD_NOT_SUPPORTED: "Diese Schnittstelle wird anders aufgerufen.",
  BAD_REQUEST: appErrors.BAD_INPUT.message,
  PARSE_ERROR: appErrors.BAD_INPUT.message,
  PAYLOAD_TOO_LARGE: "Die Anfrage ist zu groß.",
};

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    if (cause instanceof ZodError) {
      const flat = z.flattenError(cause);
      return {
        ...shape,
        message: cause.issues[0]?.message ?? appErrors.BAD_INPUT.message,
        data: { ...shape.data, appErrorCode: "BAD_INPUT" as AppErrorCode, fieldErrors: flat.fieldErrors as Record<string, string[]> },
      };
    }
    const appErrorCode = cause instanceof AppError ? cause.code : null;
    // tRPC's own refusals (unknown procedure, wrong method, unreadable input) speak English
    const message = appErrorCode ? shape.message : (trpcOwnMessages[error.code] ?? shape.message);
    return { ...shape, message, data: { ...shape.data, appErrorCode, fieldErrors: null } };
  },
});

/** Services throw AppError and ZodError; both become TRPCErrors with German messages. */
const errorMapping = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof ZodError) {
      throw new TRPCError({ code: "BAD_REQUEST", message: cause.issues[0]?.message, cause });
    }
    if (result.error.code === "INTERNAL_SERVER_ERROR" || cause instanceof AppError) {
      const appError = toAppError(cause ?? result.error);
      throw new TRPCError({ code: appErrors[appError.code].trpc, message: appError.message, cause: appError });
    }
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(errorMapping);

/** Signed in and active (actorFromCookieHeader already refused deactivated users). */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED", message: appErrors.UNAUTHORIZED.message, cause: new AppError("UNAUTHORIZED") });
  return next({ ctx: { actor: ctx.actor } });
});

/** Runs a write use case and publishes its events once it has committed. */
export async function commitAndPublish<T>(write: Promise<WithEvents<T>>): Promise<T> {
  const { result, events } = await write;
  publish(events);
  return result;
}
