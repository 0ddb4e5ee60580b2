import path from "node:path";

/** Runtime configuration, read once from the environment. */
export const env = {
  port: Number(process.env.PORT ?? 3000),
  /** Embedded database and uploads live here when no DATABASE_URL is given. */
  dataDir: path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR ?? "./data"),
  databaseUrl: process.env.DATABASE_URL || undefined,
  /** Uploaded files; read at each use so that tests can point it at a temporary directory. */
  get uploadDir(): string {
    return path.resolve(/*turbopackIgnore: true*/ process.env.UPLOAD_DIR || path.join(this.dataDir, "uploads"));
  },
  redisUrl: process.env.REDIS_URL || undefined,
  /** smtp://user:pass@host:587 or smtps://…: without it no e-mail digest is sent */
  smtpUrl: process.env.SMTP_URL || undefined,
  mailFrom: process.env.MAIL_FROM || "GDST-Plattform <benachrichtigungen@gdst.invalid>",
  /** Links in e-mails need the public address; NEXTAUTH_URL is it behind a proxy */
  get publicUrl(): string {
    return (process.env.NEXTAUTH_URL || `http://localhost:${this.port}`).replace(/\/+$/, "");
  },
  /** SIGTERM: how long running requests may take to finish (SHUTDOWN_GRACE_MS, default 10 s) */
  get shutdownGraceMs(): number {
    const value = Number(process.env.SHUTDOWN_GRACE_MS);
    return Number.isFinite(value) && value >= 0 ? value : 10_000;
  },
  isProduction: process.env.NODE_ENV === "production",
  /** Demo accounts: always on the embedded database, on PostgreSQL only when asked for. */
  get seedDemo(): boolean {
    if (process.env.SEED_DEMO === "0") return false;
    return process.env.SEED_DEMO === "1" || !this.databaseUrl;
  },
};

export const isPostgresUrl = (url: string | undefined): boolean => !!url && /^postgres(ql)?:\/\//.test(url);
