import { z } from "zod";
import { parsePartialDate, todayIso } from "@/lib/domain/partial-date";

/** A partial-date text field ("2024", "2024-Q3", "2024-09", "2024-09-25", "2017/2018"), not in the future. */
export const partialDateText = z
  .string()
  .trim()
  .max(40, "A date is at most 40 characters")
  .superRefine((text, ctx) => {
    const parsed = parsePartialDate(text);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.error });
      return;
    }
    if (parsed.date.earliest > todayIso()) ctx.addIssue({ code: "custom", message: `${text} is in the future` });
  });
