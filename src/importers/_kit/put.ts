export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Set an optional field only when the value is defined. The hot converters build one object and add
 * fields in place: spreading many small `opt()` objects cost more than the whole JSON.parse.
 */
export function put<T, K extends keyof T>(o: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) o[key] = value;
}
