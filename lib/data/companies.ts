import "server-only";
import { db } from "@/lib/db";
import { eventJsonInclude } from "./event-json";
import { orNotFound } from "./not-found";

export async function getCompanyBySlug(slug: string) {
  const company = await db.company.findUnique({
    where: { slug },
    include: {
      aliases: { orderBy: { id: "asc" } },
      events: { include: eventJsonInclude, orderBy: [{ sortDate: "desc" }, { id: "desc" }] },
      arrivals: { include: eventJsonInclude, orderBy: [{ sortDate: "desc" }, { id: "desc" }] },
      positions: { include: { person: true }, orderBy: [{ startEarliest: "asc" }, { id: "asc" }] },
    },
  });
  return orNotFound(company);
}
