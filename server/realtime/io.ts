import type { Server as HttpServer } from "node:http";
import { performance } from "node:perf_hooks";
import { Server, type Socket } from "socket.io";
import { assertCan, can, type Actor } from "../auth/policy";
import { actorFromCookieHeader } from "../auth/session";
import { appErrors, toAppError } from "../errors";
import { log, requestId, withLogContext } from "../log";
import { recentActivity } from "../services/activity/recent-activity";
import { createPost } from "../services/posts/create-post";
import { openReportCount } from "../services/reports/open-report-count";
import { postsSince } from "../services/posts/list-posts";
import { getThread } from "../services/threads/get-thread";
import { listThreads } from "../services/threads/list-threads";
import { spotlightRoomOf } from "../services/spotlights/spotlight-events";
import { assertCanReadDraft } from "../services/results/read-access";
import { getImpulseTalk } from "../services/impulse-talks/get-talk";
import { listTalkQuestions } from "../services/impulse-talks/list-questions";
import { questionViewOf } from "../services/impulse-talks/visibility";
import { typingNotice } from "../services/threads/typing-notice";
import { idSchema } from "../schemas/common";
import { ZodError } from "zod";
import { rooms, type ClientEvents, type ServerEvents } from "./events";
import { broadcastPresence, threadIdsOf } from "./presence";
import { publish, setIo, type IoServer } from "./publish";
import { isSameOriginHandshake } from "./same-origin";
import { trackWork } from "../lifecycle/in-flight";

interface SocketData {
  actor: Actor;
  /** thread id → when this socket last told the room it is typing there */
  typingAt?: Map<string, number>;
}
type GdstSocket = Socket<ClientEvents, ServerEvents, Record<string, never>, SocketData>;

type AckResponse<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/**
 * Runs a handler and answers through the ack: data, or a German message with a code. Each event
 * gets its own request id; what the handler calls logs with it, refusals are logged here.
 */
function answer<T>(socket: GdstSocket, event: keyof ClientEvents, ack: unknown, run: () => Promise<T>): Promise<void> | undefined {
  if (typeof ack !== "function") return;
  const bindings = { reqId: requestId(), event, userId: socket.data.actor.id, socketId: socket.id };
  // a handler runs on after its transport was closed: the shutdown waits for it before closing the database
  return trackWork(withLogContext(bindings, async (logger) => {
    const started = performance.now();
    let response: AckResponse<T>;
    try {
      response = { ok: true, data: await run() };
    } catch (error) {
      if (error instanceof ZodError) {
        response = { ok: false, error: { code: "BAD_INPUT", message: error.issues[0]?.message ?? appErrors.BAD_INPUT.message } };
      } else {
        const appError = toAppError(error);
        response = { ok: false, error: { code: appError.code, message: appError.message } };
      }
    }
    const ms = Math.round(performance.now() - started);
    if (response.ok) logger.debug({ ms }, "socket event");
    else logger[response.error.code === "INTERNAL" ? "error" : "info"]({ ms, code: response.error.code }, "socket event failed");
    (ack as (r: AckResponse<T>) => void)(response);
  }));
}

const parseId = (value: unknown) => idSchema.parse(value);

/** Faster repeats than this are acknowledged but not passed on: a client that ignores its throttle cannot flood a room. */
const TYPING_MIN_INTERVAL_MS = 1_000;

/** The writer left or sent: others drop their notice at once instead of waiting for it to expire. */
function endTyping(socket: GdstSocket, threadId: string) {
  if (!socket.data.typingAt?.delete(threadId)) return;
  const { id, name } = socket.data.actor;
  socket.to(rooms.thread(threadId)).except(rooms.user(id)).emit("thread.typing", { threadId, user: { id, name }, stopped: true });
}

function registerHandlers(socket: GdstSocket, io: IoServer) {
  const { actor } = socket.data;

  socket.on("thread.watch", (input, ack) =>
    answer(socket, "thread.watch", ack, async () => {
      // check first, join second, read third: nothing leaks to a socket that may not read the
      // thread, and nothing committed between the read and the join can be missed
      const thread = await getThread(actor, parseId(input?.threadId));
      await socket.join(rooms.thread(thread.id));
      // moderation gets changed posts in its own view (the original of hidden and deleted ones)
      if (can(actor, "post.moderate")) await socket.join(rooms.threadModeration(thread.id));
      const catchUp = await postsSince(actor, { threadId: thread.id, afterSeq: input?.afterSeq });
      await broadcastPresence(io, thread.id);
      return catchUp;
    }),
  );
  socket.on("thread.unwatch", (input) => {
    const threadId = input?.threadId;
    if (typeof threadId !== "string" || !socket.rooms.has(rooms.thread(threadId))) return;
    endTyping(socket, threadId);
    void socket.leave(rooms.thread(threadId));
    void socket.leave(rooms.threadModeration(threadId));
    void broadcastPresence(io, threadId);
  });
  socket.on("group.watch", (input, ack) =>
    answer(socket, "group.watch", ack, async () => {
      // the first page: live changes move threads to its top
      const groupId = parseId(input?.groupId);
      const firstPage = await listThreads(actor, { groupId });
      await socket.join(rooms.group(groupId));
      return { threads: firstPage.threads, readUpTo: firstPage.readUpTo };
    }),
  );
  socket.on("group.unwatch", (input) => {
    if (typeof input?.groupId === "string") void socket.leave(rooms.group(input.groupId));
  });
  socket.on("activity.watch", (_input, ack) =>
    answer(socket, "activity.watch", ack, async () => {
      assertCan(actor, "internal.read");
      await socket.join(rooms.activity);
      return { items: await recentActivity(actor) };
    }),
  );
  socket.on("reports.watch", (_input, ack) =>
    answer(socket, "reports.watch", ack, async () => {
      assertCan(actor, "report.moderate");
      // join first, count second: a report filed in between is counted, never lost
      await socket.join(rooms.moderation);
      return { openCount: await openReportCount(actor) };
    }),
  );
  socket.on("post.create", (input, ack) =>
    answer(socket, "post.create", ack, async () => {
      const { result, events } = await createPost(actor, input);
      publish(events);
      return { post: result };
    }),
  );
  socket.on("thread.typing", (input, ack) =>
    answer(socket, "thread.typing", ack, async () => {
      const notice = await typingNotice(actor, input);
      if (notice.stopped) {
        endTyping(socket, notice.threadId);
        return null;
      }
      const typingAt = (socket.data.typingAt ??= new Map());
      const now = Date.now();
      if (now - (typingAt.get(notice.threadId) ?? 0) < TYPING_MIN_INTERVAL_MS) return null;
      typingAt.set(notice.threadId, now);
      // not to the writer's own tabs: one's own typing is never shown
      socket.to(rooms.thread(notice.threadId)).except(rooms.user(actor.id)).emit("thread.typing", notice);
      return null;
    }),
  );
  let openThreads: string[] = [];
  socket.on("spotlights.watch", (_input, ack) =>
    answer(socket, "spotlights.watch", ack, async () => {
      assertCan(actor, "spotlight.read");
      await socket.join(spotlightRoomOf(actor));
      return null;
    }),
  );
  socket.on("spotlights.unwatch", () => {
    void socket.leave(spotlightRoomOf(actor));
  });
  socket.on("impulse.watch", (input, ack) =>
    answer(socket, "impulse.watch", ack, async () => {
      const talkId = parseId(input?.talkId);
      const talk = await getImpulseTalk(actor, talkId);
      // join before reading the questions: a vote committed in between arrives as an event, not lost
      await socket.join([rooms.impulseTalk(talkId), rooms.impulseQuestions(talkId, questionViewOf(actor))]);
      return { talk, questions: await listTalkQuestions(actor, talkId) };
    }),
  );
  socket.on("impulse.unwatch", (input) => {
    const talkId = idSchema.safeParse(input?.talkId);
    if (!talkId.success) return;
    void socket.leave(rooms.impulseTalk(talkId.data));
    void socket.leave(rooms.impulseQuestions(talkId.data, questionViewOf(actor)));
  });
  socket.on("results.watch", (_input, ack) =>
    answer(socket, "results.watch", ack, async () => {
      assertCanReadDraft(actor);
      await socket.join(rooms.results);
      return null;
    }),
  );
  socket.on("results.unwatch", () => {
    void socket.leave(rooms.results);
  });
  socket.on("disconnecting", () => {
    openThreads = threadIdsOf(socket.rooms);
    for (const threadId of openThreads) endTyping(socket, threadId);
  });
  // the socket has left its rooms now: the counts no longer include it
  socket.on("disconnect", () => {
    for (const threadId of openThreads) void broadcastPresence(io, threadId);
  });
}

/** Socket.IO on the app's HTTP server: authenticated with the next-auth session cookie. */
export async function attachSocketServer(httpServer: HttpServer, options: { redisUrl?: string }): Promise<IoServer> {
  const io: IoServer = new Server(httpServer, {
    path: "/socket.io",
    serveClient: false,
    // the default 1 MB is far above the largest post (50,000 characters)
    maxHttpBufferSize: 512 * 1024,
    allowRequest: (req, callback) => {
      if (isSameOriginHandshake(req)) return callback(null, true);
      log().info({ origin: req.headers.origin }, "socket handshake from a foreign origin refused");
      callback("Verbindungen von fremden Seiten werden abgelehnt.", false);
    },
  });

  if (options.redisUrl) {
    const { createAdapter } = await import("@socket.io/redis-adapter");
    const { createClient } = await import("redis");
    const pubClient = createClient({ url: options.redisUrl });
    const subClient = pubClient.duplicate();
    pubClient.on("error", (error: Error) => log().error({ err: error }, "Redis (Socket.IO publish) meldet einen Fehler"));
    subClient.on("error", (error: Error) => log().error({ err: error }, "Redis (Socket.IO subscribe) meldet einen Fehler"));
    await Promise.all([pubClient.connect(), subClient.connect()]);
    io.adapter(createAdapter(pubClient, subClient, { key: process.env.REDIS_KEY_PREFIX ?? "gdst-socket.io" }));
  }

  io.use((socket, next) =>
    withLogContext({ reqId: requestId(socket.handshake.headers["x-request-id"]), socketId: socket.id }, async (logger) => {
      try {
        const actor = await actorFromCookieHeader(socket.handshake.headers.cookie);
        if (!actor) {
          // never the cookie itself: whether one came is enough to tell "signed out" from "expired"
          logger.info({ hasCookie: !!socket.handshake.headers.cookie }, "socket handshake refused");
          return next(new Error(appErrors.UNAUTHORIZED.message));
        }
        (socket as GdstSocket).data.actor = actor;
        logger.debug({ userId: actor.id }, "socket connected");
        next();
      } catch (error) {
        const appError = toAppError(error);
        logger.info({ code: appError.code }, "socket handshake refused");
        next(new Error(appError.message));
      }
    }),
  );

  io.on("connection", (rawSocket) => {
    const socket = rawSocket as GdstSocket;
    void socket.join(rooms.user(socket.data.actor.id));
    // every handler checks the policy through its service, so readers get a clear refusal
    registerHandlers(socket, io);
  });

  setIo(io);
  return io;
}
