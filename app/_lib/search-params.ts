/** A query parameter as one string: `?a=1&a=2` arrives as an array, and only the first counts. */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
