"use server";

import { db } from "@/lib/db";
import { preflightClaim, type EventCandidateView } from "@/lib/ingest/preflight";
import { suggestPeople, type NameSuggestion } from "@/lib/data/suggest";
import type { Account } from "@/lib/auth/account";
import { can } from "@/lib/auth/roles";
import { accountActor } from "@/lib/ingest/actor";
import { ingestClaim } from "@/lib/ingest/ingest-claim";
import { createSubmission } from "@/lib/ingest/submissions";
import { IngestError } from "@/lib/ingest/ingest-error";
import { findPersonId } from "@/lib/ingest/resolve-entities";
import { claimSubmissionSchema, type ClaimSubmission } from "@/lib/validation/claim";
import { claimFormErrors, claimFormToInput, claimFormValues } from "@/lib/validation/claim-form";
import type { ActionState } from "./action-state";
import { validatedAction, type ActionOutcome, type FormValues } from "./validated-action";

export interface CreateClaimExtra {
  /** recorded events this claim may be about: the editor chooses one, or a new event */
  candidates?: EventCandidateView[];
  /** existing people the typed name resembles */
  people?: NameSuggestion[];
}

type Outcome = ActionOutcome<CreateClaimExtra>;

const ask = (values: FormValues, field: string, message: string, extra: CreateClaimExtra): Outcome => ({
  ok: false,
  message,
  fieldErrors: { [field]: [message] },
  values,
  extra,
});

/** A new name that resembles recorded people must be confirmed, so a duplicate person is never created by accident. */
async function personNeedsConfirmation(input: ClaimSubmission, values: FormValues): Promise<NameSuggestion[] | null> {
  if (values.personNew === "on") return null;
  if ((await findPersonId(db, input.person)) !== null) return null;
  const similar = await suggestPeople(db, [input.person.name, ...input.person.aliases].join(" "), 5);
  return similar.length > 0 ? similar : null;
}

async function run(input: ClaimSubmission, values: FormValues, account: Account): Promise<Outcome> {
  const people = await personNeedsConfirmation(input, values);
  if (people) {
    const names = people.map((p) => p.name).join(", ");
    return ask(
      values,
      "person.name",
      `No one is recorded under this name, but it resembles ${names}. Pick one of them with the buttons above the name, or tick "This is a new person".`,
      { people },
    );
  }

  // Offer the matching events first, unless this exact claim is already stored (then nothing is added).
  const chosen = input.eventId !== undefined || input.newEvent === true;
  const plan = await preflightClaim(db, input);
  if (Object.keys(plan.problems).length > 0) throw new IngestError(plan.problems);
  if (!chosen && !plan.recorded) {
    const candidates = plan.candidates.slice(0, 5);
    if (candidates.length > 0) {
      return ask(
        values,
        "event.choice",
        candidates.length === 1
          ? "This may be an event already on record: add your claim to it, or say it is a different event."
          : "These events are already on record: add your claim to one of them, or say it is a different event.",
        { candidates },
      );
    }
  }

  // A contributor's claim waits for an editor; an editor's is published at once.
  if (!can(account.role, "publish")) {
    const submission = await createSubmission(db, input, account);
    return { redirectTo: `/submissions?submitted=${submission.id}#submission-${submission.id}` };
  }
  const result = await ingestClaim(db, input, accountActor(account));
  return { redirectTo: `/events/${result.eventId}?added=${result.outcome}&claim=${result.claimId}#claim-${result.claimId}` };
}

/** The "Add an event" form: validate with the shared claim schema, confirm the person and the event, then ingest. */
export const createClaim: (previous: ActionState<CreateClaimExtra>, formData: FormData) => Promise<ActionState<CreateClaimExtra>> = validatedAction<
  typeof claimSubmissionSchema,
  CreateClaimExtra
>({
  schema: claimSubmissionSchema,
  read: (formData) => {
    const values = claimFormValues(formData);
    return { values, ...claimFormToInput(values) };
  },
  placeErrors: claimFormErrors,
  permission: "submit",
  run,
  formPath: () => "/events/new",
});
