// What a database is made of, read from its catalog, so tests can compare two databases (migrated vs
// generated from the schema; SQLite vs PostgreSQL) regardless of how they got there.
import Database from "better-sqlite3";
import pg from "pg";
import { sqliteFilePath } from "../../lib/database-url";
import { providerOfUrl } from "../../lib/db/provider";

export interface DbStructure {
  /** "Table.column type nullability default" */
  columns: string[];
  /** "Index on Table(columns) [unique]" */
  indexes: string[];
  /** foreign keys and primary keys */
  constraints: string[];
}

const IGNORED_TABLES = new Set(["_departures_migrations", "_prisma_migrations"]);

export async function dbStructure(url: string): Promise<DbStructure> {
  return providerOfUrl(url) === "postgresql" ? postgresStructure(url) : sqliteStructure(url);
}

async function postgresStructure(url: string): Promise<DbStructure> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query(sql)).rows.map((r) => Object.values(r).join(" "));
    const columns = await q(`SELECT table_name || '.' || column_name, udt_name, is_nullable, coalesce(column_default, '')
      FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1`);
    const indexes = await q(
      `SELECT indexname, regexp_replace(indexdef, 'INDEX \\S+ ON', 'INDEX ON') FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`,
    );
    const constraints = await q(`SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
      WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2`);
    const keep = (line: string) => !IGNORED_TABLES.has(line.split(/[. ]/)[0].replace(/"/g, ""));
    return {
      columns: columns.filter(keep),
      indexes: indexes.filter((l) => !/_departures_migrations|_prisma_migrations/.test(l)),
      constraints: constraints.filter(keep),
    };
  } finally {
    await client.end();
  }
}

async function sqliteStructure(url: string): Promise<DbStructure> {
  const sqlite = new Database(sqliteFilePath(url)!, { readonly: true, fileMustExist: true });
  try {
    const tables = (
      sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
    )
      .map((t) => t.name)
      .filter((t) => !IGNORED_TABLES.has(t));
    const columns: string[] = [];
    const indexes: string[] = [];
    const constraints: string[] = [];
    for (const t of tables) {
      const info = sqlite.prepare(`SELECT * FROM pragma_table_info(?)`).all(t) as {
        name: string;
        type: string;
        notnull: number;
        dflt_value: string | null;
        pk: number;
      }[];
      for (const c of info) columns.push(`${t}.${c.name} ${c.type} ${c.notnull ? "NOT NULL" : "NULL"} ${c.dflt_value ?? ""}`.trim());
      const pk = info
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name);
      if (pk.length) constraints.push(`${t} PRIMARY KEY (${pk.join(", ")})`);
      for (const fk of sqlite.prepare(`SELECT * FROM pragma_foreign_key_list(?)`).all(t) as {
        table: string;
        from: string;
        to: string;
        on_update: string;
        on_delete: string;
      }[]) {
        constraints.push(`${t}.${fk.from} → ${fk.table}.${fk.to} ON DELETE ${fk.on_delete} ON UPDATE ${fk.on_update}`);
      }
      for (const ix of sqlite.prepare(`SELECT * FROM pragma_index_list(?)`).all(t) as { name: string; unique: number; origin: string }[]) {
        if (ix.origin === "pk") continue;
        const cols = (sqlite.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).all(ix.name) as { name: string }[]).map((c) => c.name);
        indexes.push(`${ix.name} ON ${t}(${cols.join(", ")})${ix.unique ? " UNIQUE" : ""}`);
      }
    }
    return { columns: columns.sort(), indexes: indexes.sort(), constraints: constraints.sort() };
  } finally {
    sqlite.close();
  }
}
