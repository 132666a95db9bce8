"use client";

/**
 * Recorded events the claim being typed may belong to, fetched a moment after the person, company, kind,
 * role or date change. null until there is enough to ask (then the server's answer is used).
 */
import { useCallback, useEffect, useState } from "react";
import type { EventCandidateView } from "@/lib/ingest/preflight";
import { buildDateText, type FormValues } from "@/lib/validation/form-date";

interface Facts {
  kind: string;
  manner: string;
  role: string;
  roleCategory: string;
  date: string;
}

const same = (a: Facts, b: Facts) => (Object.keys(a) as (keyof Facts)[]).every((k) => a[k] === b[k]);

function readFacts(form: HTMLFormElement): Facts {
  const data = new FormData(form);
  const values: FormValues = {};
  for (const [k, v] of data) if (typeof v === "string") values[k] = v;
  return {
    kind: values.kind ?? "",
    manner: values.manner ?? "",
    role: values.role ?? "",
    roleCategory: values.roleCategory ?? "",
    date: buildDateText(values).text ?? "",
  };
}

export function useEventCandidates(person: string, company: string) {
  const [facts, setFacts] = useState<Facts>({ kind: "", manner: "", role: "", roleCategory: "", date: "" });
  const [candidates, setCandidates] = useState<EventCandidateView[] | null>(null);

  const onFormChange = useCallback((form: HTMLFormElement) => {
    const next = readFacts(form);
    setFacts((prev) => (same(prev, next) ? prev : next));
  }, []);

  const ready = Boolean(person.trim() && company.trim() && facts.kind);
  useEffect(() => {
    if (!ready) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      const params = new URLSearchParams({ person, company, ...facts });
      try {
        const res = await fetch(`/api/claims/candidates?${params}`, { signal: controller.signal });
        if (res.ok) setCandidates(((await res.json()) as { candidates: EventCandidateView[] }).candidates);
      } catch {
        // aborted or offline: the server offers the events on submit instead
      }
    }, 350);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [ready, person, company, facts]);

  // without a person, a company and a kind there is nothing to match (a stale answer is not shown)
  return { candidates: ready ? candidates : null, onFormChange };
}
