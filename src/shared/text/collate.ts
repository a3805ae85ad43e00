/**
 * Vietnamese ordering. SQLite compares bytes, which puts "Đà Nẵng" after "Yên Bái";
 * lists of names are therefore sorted in code with the ICU Vietnamese collator.
 */
const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true })

export const compareVi = (a: string, b: string): number => collator.compare(a, b)

export function sortByVi<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => collator.compare(key(a), key(b)))
}
