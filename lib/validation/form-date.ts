/**
 * The claim form's date, typed as parts with a chosen precision, turned into partial-date text. Zod-free,
 * so the form's client code (which offers matching events while the editor types) can use it too.
 */

export type FormValues = Record<string, string>;

export const DATE_PRECISION_CHOICES = ["unknown", "day", "month", "quarter", "year", "range"] as const;
export type DatePrecisionChoice = (typeof DATE_PRECISION_CHOICES)[number];

const pad = (n: number) => String(n).padStart(2, "0");

/** What the typed date parts mean at the chosen precision: partial-date text, nothing, or an error for the date. */
export function buildDateText(values: FormValues): { text?: string; error?: string } {
  const precision = (values["date.precision"] || "unknown") as DatePrecisionChoice;
  const year = (values["date.year"] ?? "").trim();
  const needYear = () => (/^\d{4}$/.test(year) ? null : "Enter the year as four digits, for example 2024");
  switch (precision) {
    case "unknown":
      return {};
    case "year":
      return needYear() ? { error: needYear()! } : { text: year };
    case "quarter": {
      const q = values["date.quarter"] ?? "";
      if (needYear()) return { error: needYear()! };
      if (!/^[1-4]$/.test(q)) return { error: "Choose the quarter" };
      return { text: `${year}-Q${q}` };
    }
    case "month":
    case "day": {
      if (needYear()) return { error: needYear()! };
      const month = Number(values["date.month"]);
      if (!Number.isInteger(month) || month < 1 || month > 12) return { error: "Choose the month" };
      if (precision === "month") return { text: `${year}-${pad(month)}` };
      const dayText = (values["date.day"] ?? "").trim();
      if (!/^\d{1,2}$/.test(dayText)) return { error: "Enter the day of the month as a number, for example 25" };
      return { text: `${year}-${pad(month)}-${pad(Number(dayText))}` };
    }
    case "range": {
      const from = (values["date.from"] ?? "").trim();
      const to = (values["date.to"] ?? "").trim();
      if (!from || !to) return { error: "Enter both ends of the range, for example 2017 and 2018-03" };
      return { text: `${from}/${to}` };
    }
    default:
      return { error: "Choose how precisely the source dates this" };
  }
}
