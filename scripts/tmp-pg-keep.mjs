import { startThrowawayPostgres } from "/work/main/lib/db/throwaway-postgres.mjs";
const pg = await startThrowawayPostgres({ log: true });
console.log("URL", pg.url);
setInterval(() => {}, 1 << 30);
