import type { NextAuthOptions } from "next-auth";
import credentialsModule from "next-auth/providers/credentials";
import { log } from "../log";
import { signInSchema } from "../schemas/auth";
import { authenticate } from "../services/users/authenticate";
import { isSignInBlocked, recordSignInResult } from "./sign-in-throttle";

declare module "next-auth/jwt" {
  interface JWT {
    /** sessionVersion at sign-in; a bump on deactivation or role change ends this session */
    sv?: number;
  }
}

// Next's bundler unwraps the CommonJS default export; plain Node (tsx, the unit tests) hands over module.exports
const CredentialsProvider = (credentialsModule as unknown as { default?: typeof credentialsModule }).default ?? credentialsModule;

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  // Credentials sign-in requires JWT sessions; every request re-checks the user in the database.
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/anmelden", signOut: "/anmelden", error: "/anmelden" },
  // only the code and the error: next-auth's metadata may hold the session or the submitted form
  logger: {
    error: (code, metadata) => log().error({ code, err: metadata instanceof Error ? metadata : metadata?.error }, "next-auth error"),
    warn: (code) => log().warn({ code }, "next-auth warning"),
    debug: (code) => log().debug({ code }, "next-auth debug"),
  },
  providers: [
    CredentialsProvider({
      name: "E-Mail und Passwort",
      credentials: { email: { label: "E-Mail", type: "email" }, password: { label: "Passwort", type: "password" } },
      async authorize(credentials) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        if (await isSignInBlocked(parsed.data.email)) return null;
        const user = await authenticate(parsed.data.email, parsed.data.password);
        await recordSignInResult(parsed.data.email, !!user);
        return user ? { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      return token;
    },
  },
};
