/** The header's account corner: sign in, or who you are, what you may do, and sign out. */
import Link from "next/link";
import { signOut } from "@/lib/actions/account";
import { can, ROLE_LABELS } from "@/lib/auth/roles";
import { currentAccount } from "@/lib/auth/server";

export async function AccountNav() {
  const account = await currentAccount();
  if (!account) {
    return (
      <Link href="/sign-in" className="text-sm text-stone-700 underline">
        Sign in
      </Link>
    );
  }
  return (
    <div className="flex items-center gap-3 text-sm">
      {can(account.role, "submit") && (
        <Link href="/ingest/article" className="text-stone-600 hover:text-stone-900 hover:underline">
          Read an article
        </Link>
      )}
      {can(account.role, "review") ? (
        <>
          <Link href="/review" className="text-stone-600 hover:text-stone-900 hover:underline">
            Review
          </Link>
          <Link href="/import" className="text-stone-600 hover:text-stone-900 hover:underline">
            Import
          </Link>
        </>
      ) : (
        <Link href="/submissions" className="text-stone-600 hover:text-stone-900 hover:underline">
          My submissions
        </Link>
      )}
      <span className="text-stone-700">
        {account.name} <span className="text-stone-500">({ROLE_LABELS[account.role].toLowerCase()})</span>
      </span>
      <form action={signOut}>
        <button type="submit" className="text-stone-700 underline">
          Sign out
        </button>
      </form>
    </div>
  );
}
