/** A JSON value: what {@link canonicalize} accepts and returns. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/**
 * A deep copy of a JSON value with every object's keys in sorted order, built on null-prototype
 * objects so no key (not even `__proto__`) can reach a prototype. Two equal values always
 * canonicalize to the same text, which makes the result fit for comparison and storage.
 */
export function canonicalize<T>(value: T): T {
  return copy(value as Json) as T;
}

function copy(value: Json): Json {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item: Json) => copy(item));
  const out: Record<string, Json> = Object.create(null);
  const source = value as { readonly [key: string]: Json };
  for (const key of Object.keys(source).sort()) {
    const item = source[key];
    // Plain assignment makes an own, ordinary property on an object without a prototype, even for
    // `__proto__` (its special setter lives on Object.prototype), and is much faster than defineProperty.
    if (item !== undefined) out[key] = copy(item);
  }
  return out;
}

/** Canonical JSON text of a value: equal values give equal text, whatever order their keys were added in. */
export function canonicalJson(value: unknown, indent?: number): string {
  return JSON.stringify(canonicalize(value), null, indent);
}
