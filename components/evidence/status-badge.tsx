import { Badge, type BadgeTone } from "@/components/ui/badge";

const STATUS: Record<string, { tone: BadgeTone; label: string; title: string }> = {
  reported: { tone: "neutral", label: "reported", title: "One source reports this" },
  corroborated: { tone: "green", label: "corroborated", title: "Two or more independent sources agree" },
  disputed: { tone: "amber", label: "disputed", title: "Sources disagree: see the claims" },
  retracted: { tone: "red", label: "retracted", title: "Every claim for this was retracted" },
};

export function StatusBadge({ status }: { status: string }) {
  const s = STATUS[status] ?? STATUS.reported;
  return (
    <Badge tone={s.tone} title={s.title}>
      {s.label}
    </Badge>
  );
}
