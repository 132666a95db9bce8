// npm run user -- create --email E --role contributor|editor|admin [--name N]
//   Creates an account. The password is read from standard input when it is piped in, else generated and
//   printed once.
// npm run user -- token --email E [--name N]
//   Prints a new API key for the account, once (only its hash is stored). Scripts send it as
//   `Authorization: Bearer <key>`.
// npm run user -- role --email E --role R     change an account's role
// npm run user -- revoke --key-id ID          revoke an API key
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createAuth, PASSWORD_MIN } from "@/lib/auth/auth";
import { isRole, ROLES } from "@/lib/auth/roles";
import { createDb } from "@/lib/db-factory";

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function readStdin(): Promise<string | null> {
  if (process.stdin.isTTY) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
  return text.length > 0 ? text : null;
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, "key-id": { type: "string" } },
    strict: true,
  });
  const db = createDb();
  const auth = createAuth(db);
  const userByEmail = async () => {
    if (!values.email) fail("--email is required");
    return (await db.user.findUnique({ where: { email: values.email.toLowerCase() } })) ?? fail(`No account has email ${values.email}`);
  };
  try {
    switch (command) {
      case "create": {
        if (!values.email) fail("--email is required");
        if (!isRole(values.role)) fail(`--role must be one of ${ROLES.join(", ")}`);
        const given = await readStdin();
        const password = given ?? randomBytes(18).toString("base64url");
        if (password.length < PASSWORD_MIN) fail(`A password needs at least ${PASSWORD_MIN} characters`);
        const { user } = await auth.api.signUpEmail({ body: { email: values.email, password, name: values.name ?? values.email.split("@")[0] } });
        await db.user.update({ where: { id: user.id }, data: { role: values.role } });
        console.log(`Created ${values.role} ${user.email} (${user.id})`);
        if (!given) console.log(`Password (shown once): ${password}`);
        break;
      }
      case "token": {
        const user = await userByEmail();
        const key = await auth.api.createApiKey({ body: { userId: user.id, name: values.name ?? "cli" } });
        console.log(key.key);
        console.error(`API key ${key.id} for ${user.email} (shown once; revoke with: npm run user -- revoke --key-id ${key.id})`);
        break;
      }
      case "role": {
        const user = await userByEmail();
        if (!isRole(values.role)) fail(`--role must be one of ${ROLES.join(", ")}`);
        await db.user.update({ where: { id: user.id }, data: { role: values.role } });
        console.log(`${user.email} is now ${values.role}`);
        break;
      }
      case "revoke": {
        if (!values["key-id"]) fail("--key-id is required");
        const deleted = await db.apikey.deleteMany({ where: { id: values["key-id"] } });
        if (deleted.count === 0) fail(`No API key has id ${values["key-id"]}`);
        console.log(`Revoked API key ${values["key-id"]}`);
        break;
      }
      default:
        fail(
          "usage: npm run user -- create --email E --role contributor|editor|admin [--name N] | token --email E | role --email E --role R | revoke --key-id ID",
        );
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
