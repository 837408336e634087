/**
 * Database commands: `npm run db:migrate`, `npm run db:seed`, and
 * `npm run user:create -- --email a@b.kz --role admin [--name "…"] [--password …]`.
 * In embedded mode these open the data folder themselves: run them while the portal is stopped
 * (the folder lock refuses otherwise).
 */
import crypto from "node:crypto";
import { parseArgs } from "node:util";
import { closeDb } from "./client";
import { migrateDatabase } from "./migrate";
import { seedPolicyFacts } from "./seed";
import { createUser } from "./queries/users";
import { SYSTEM_ACTOR } from "./queries/actor";
import { isRole } from "@/lib/auth/permissions";
import { userCreateInput } from "@/lib/validation/user";

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  switch (command) {
    case "migrate":
      await migrateDatabase();
      console.log("Migrations applied.");
      break;
    case "seed":
      await migrateDatabase();
      await seedPolicyFacts();
      console.log("The policy's register facts are seeded.");
      break;
    case "user:create": {
      const { values } = parseArgs({ args: rest, options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, password: { type: "string" } } });
      if (!values.email || !isRole(values.role)) {
        console.error("Usage: npm run user:create -- --email person@example.kz --role admin|dpo|engineer|auditor|sts [--name Name] [--password …]");
        process.exit(2);
      }
      // No password given: generate a strong one and show it once.
      const password = values.password ?? crypto.randomBytes(18).toString("base64url");
      const input = userCreateInput.safeParse({ email: values.email, role: values.role, name: values.name ?? values.email, password });
      if (!input.success) {
        console.error(input.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
        process.exit(2);
      }
      await migrateDatabase();
      await createUser(input.data, SYSTEM_ACTOR);
      console.log(`Created ${input.data.role} ${input.data.email}.${values.password ? "" : ` Password (shown once): ${password}`}`);
      break;
    }
    default:
      console.error("Commands: migrate | seed | user:create");
      process.exit(2);
  }
}

main()
  .then(() => closeDb())
  .catch(async (err) => {
    console.error(err instanceof Error ? err.message : err);
    await closeDb().catch(() => {});
    process.exit(1);
  });
