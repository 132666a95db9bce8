import { z } from "zod";
import { parsePartialDate, todayIso } from "@/lib/domain/partial-date";
import { UNSTORABLE_MESSAGE, isStorable } from "./text";

/**
 * A partial-date text field ("2024", "2024-Q3", "2024-09", "2024-09-25", "2017/2018"), not in the future.
 * Every bound is checked against today: a range's start and its end ("2020/9999" is refused, although
 * its earliest day is in the past). A bound that includes today ("2026" in 2026) is allowed.
 */
export const partialDateText = z
  .string()
  .max(40, "A date is at most 40 characters")
  .refine((text) => isStorable(text, "single-line"), { message: `A date ${UNSTORABLE_MESSAGE}` })
  .trim()
  .superRefine((text, ctx) => {
    if (!isStorable(text, "single-line")) return; // one message for one problem
    const parsed = parsePartialDate(text);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.error });
      return;
    }
    const today = todayIso();
    if (parsed.date.earliest > today) {
      ctx.addIssue({ code: "custom", message: `${text} is in the future` });
      return;
    }
    const end = parsed.date.precision === "range" ? text.split("/")[1].trim() : null;
    const endDate = end ? parsePartialDate(end) : null;
    if (endDate?.ok && endDate.date.earliest > today) {
      ctx.addIssue({ code: "custom", message: `${text} ends in the future (${end})` });
    }
  });
