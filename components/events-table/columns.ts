/** The table's columns, in order: shared by the server-rendered table and the browser's column toggles. */
export const TABLE_COLUMNS = [
  { id: "date", header: "Date" },
  { id: "person", header: "Person" },
  { id: "kind", header: "What" },
  { id: "company", header: "Company" },
  { id: "role", header: "Role" },
  { id: "category", header: "Role category" },
  { id: "destination", header: "Went to" },
  { id: "status", header: "Status" },
  { id: "evidence", header: "Evidence" },
] as const;

export type ColumnId = (typeof TABLE_COLUMNS)[number]["id"];

/** Saved choices, read defensively: only known column ids, only booleans ("hidden" = false). */
export function hiddenColumns(saved: string | null): ColumnId[] {
  if (!saved) return [];
  try {
    const parsed: unknown = JSON.parse(saved);
    if (!parsed || typeof parsed !== "object") return [];
    return TABLE_COLUMNS.map((c) => c.id).filter((id) => id !== "person" && (parsed as Record<string, unknown>)[id] === false);
  } catch {
    return [];
  }
}
