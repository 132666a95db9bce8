import type { IngestFilesOutcome } from "@/lib/ingest/ingest-file";

export function printIngestOutcome(outcome: IngestFilesOutcome) {
  if (outcome.ok) {
    const c = outcome.counts;
    console.log(`${c.claims} claims: ${c.created} created new events, ${c.merged} merged into existing events, ${c.duplicate} already recorded`);
    return;
  }
  console.error("Invalid input, nothing was stored:");
  for (const { file, errors } of outcome.errors) {
    for (const [path, messages] of Object.entries(errors)) {
      for (const m of messages) console.error(`  ${file} ${path}: ${m}`);
    }
  }
}
