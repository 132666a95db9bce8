/**
 * Accounts through Better Auth (ADR 0041): email and password, sessions in the app's own database via
 * its Prisma adapter (SQLite and PostgreSQL alike), the admin plugin for roles and bans, the api-key
 * plugin for scripts. No hand-rolled crypto. `createAuth(db)` serves the app (lib/auth/server.ts) and the
 * `npm run user` CLI alike.
 */
import { apiKey } from "@better-auth/api-key";
import { betterAuth } from "better-auth";
import { APIError } from "better-auth/api";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins";
import { createAccessControl } from "better-auth/plugins/access";
import { adminAc, defaultStatements } from "better-auth/plugins/admin/access";
import { providerOf, type Db } from "@/lib/db-factory";
import { env } from "@/lib/env";
import { authSecret } from "./secret";

const ac = createAccessControl(defaultStatements);
/** Better Auth's own permissions: only admins manage users; our roles (lib/auth/roles.ts) decide the rest. */
const authRoles = {
  admin: ac.newRole(adminAc.statements),
  editor: ac.newRole({ user: [], session: [] }),
  contributor: ac.newRole({ user: [], session: [] }),
};

/** DEPARTURES_SIGNUPS=closed: only the first account (the admin) may sign up; later ones are made by an admin. */
export const signupsClosed = () => process.env.DEPARTURES_SIGNUPS === "closed";

export { PASSWORD_MIN } from "./password-rules";
import { PASSWORD_MIN } from "./password-rules";

export function createAuth(db: Db) {
  // validated once (lib/env.ts): an origin only, or a clear error naming the variable
  const publicUrl = env().DEPARTURES_PUBLIC_URL;
  return betterAuth({
    appName: "Departures",
    secret: authSecret(),
    baseURL: publicUrl,
    // Same-origin requests are trusted: the configured public URL, else the host that served the request
    // (CSRF protection still refuses a foreign Origin).
    trustedOrigins: async (request) => {
      if (publicUrl) return [publicUrl];
      return request ? [new URL(request.url).origin] : [];
    },
    database: prismaAdapter(db, { provider: providerOf(db) }),
    telemetry: { enabled: false },
    // A wrong API key or password is the client's error, answered 401: not worth an error line in the server log.
    logger: {
      level: "warn",
      log: (level, message, ...args) =>
        !/Invalid API key|Failed to validate API key|Invalid email or password|User not found|Base URL is not set/i.test(message) &&
        console[level](`[auth] ${message}`, ...args),
    },
    emailAndPassword: { enabled: true, minPasswordLength: PASSWORD_MIN, maxPasswordLength: 128, autoSignIn: true },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    // Our own limiter (lib/auth/rate-limit.ts) guards sign-in and submissions in the shared database.
    rateLimit: { enabled: false },
    advanced: { useSecureCookies: publicUrl?.startsWith("https://") ?? false },
    databaseHooks: {
      user: {
        create: {
          before: async (user) => {
            if (signupsClosed() && (await db.user.count()) > 0)
              throw new APIError("FORBIDDEN", { message: "Sign-ups are closed: ask an admin for an account." });
            return { data: { ...user, role: "contributor" } };
          },
          // The first account on a fresh database becomes admin. Decided after the insert, by creation
          // order, so two simultaneous first sign-ups cannot both become admin.
          after: async (user) => {
            const first = await db.user.findFirst({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
            if (first?.id === user.id) await db.user.update({ where: { id: user.id }, data: { role: "admin" } });
          },
        },
      },
    },
    plugins: [
      admin({ ac, roles: authRoles, defaultRole: "contributor", adminRoles: ["admin"] }),
      apiKey({ defaultPrefix: "dep_", rateLimit: { enabled: false }, enableMetadata: false }),
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
