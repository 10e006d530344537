/**
 * `{ [key]: value }` when value is defined, else `{}`: spread it into an object literal so optional
 * fields are absent rather than `undefined` (exactOptionalPropertyTypes, stable JSON).
 */
export function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
