/** Follow / Unfollow and the Atom feed of a person's or company's events, side by side. */
import { FollowButton } from "./follow-button";

export function WatchBar({ kind, slug, label, returnTo }: { kind: "person" | "company"; slug: string; label: string; returnTo: string }) {
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm" data-testid="watch-bar">
      <FollowButton kind={kind} target={slug} label={label} returnTo={returnTo} />
      <a href={`/feed.xml?${kind}=${encodeURIComponent(slug)}`} className="underline">
        Atom feed<span className="sr-only"> of {label}&apos;s events</span>
      </a>
    </div>
  );
}
