"use client";

/**
 * Keyboard review: j / k move between proposals, a accepts, r rejects, e opens the edit fields of the
 * proposal in focus. Keys typed into a field are left alone. Without JavaScript the buttons work as usual.
 */
import { useEffect } from "react";

export function ReviewKeys() {
  useEffect(() => {
    const cards = () => [...document.querySelectorAll<HTMLElement>("[data-proposal]")];
    const current = () => (document.activeElement as HTMLElement | null)?.closest<HTMLElement>("[data-proposal]") ?? null;
    function onKey(e: KeyboardEvent) {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement;
      if (target.closest("input, textarea, select, [contenteditable]")) return;
      const all = cards();
      if (all.length === 0) return;
      const card = current();
      const at = card ? all.indexOf(card) : -1;
      if (e.key === "j" || e.key === "k") {
        const next = all[Math.max(0, Math.min(all.length - 1, at + (e.key === "j" ? 1 : -1)))] ?? all[0];
        next.focus();
        next.scrollIntoView({ block: "nearest" });
        e.preventDefault();
      } else if (card && (e.key === "a" || e.key === "r")) {
        card.querySelector<HTMLButtonElement>(`button[data-key="${e.key === "a" ? "accept" : "reject"}"]`)?.click();
        e.preventDefault();
      } else if (card && e.key === "e") {
        const details = card.querySelector("details");
        if (details) {
          details.open = true;
          details.querySelector<HTMLElement>("input:not([type=hidden]), select, textarea")?.focus();
          e.preventDefault();
        }
      }
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return null;
}
