/** Every spelling on record, in any script, each marked with the language it is likely written in. */
export function AliasList({ name, aliases }: { name: string; aliases: { id: number; name: string }[] }) {
  const others = aliases.filter((a) => a.name !== name);
  if (others.length === 0) return null;
  return (
    <p className="text-sm text-stone-600">
      Also written:{" "}
      {others.map((a, i) => (
        <span key={a.id}>
          {i > 0 && ", "}
          <span lang={/[\u3040-\u30ff\u4e00-\u9fff]/.test(a.name) ? "ja" : undefined}>{a.name}</span>
        </span>
      ))}
    </p>
  );
}
