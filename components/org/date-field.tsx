/** A labelled date input with its errors tied to it (aria-invalid, aria-describedby); works in a plain GET form. */
export function DateField({
  id,
  name,
  label,
  value,
  errors,
  max,
}: {
  id: string;
  name: string;
  label: string;
  value?: string;
  errors?: string[];
  max: string;
}) {
  const errorId = `${id}-error`;
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-stone-700">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="date"
        defaultValue={value}
        max={max}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? errorId : undefined}
        className="rounded border border-stone-300 bg-white px-2 py-1 text-sm aria-invalid:border-red-600 aria-invalid:ring-1 aria-invalid:ring-red-600"
      />
      {errors?.length ? (
        <ul id={errorId} className="mt-1 text-sm text-red-700">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
