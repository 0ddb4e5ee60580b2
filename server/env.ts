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
  isProduction: process.env.NODE_ENV === "production",
  /** Demo accounts: always on the embedded database, on PostgreSQL only when asked for. */
  get seedDemo(): boolean {
    if (process.env.SEED_DEMO === "0") return false;
    return process.env.SEED_DEMO === "1" || !this.databaseUrl;
  },
};

export const isPostgresUrl = (url: string | undefined): boolean => !!url && /^postgres(ql)?:\/\//.test(url);
