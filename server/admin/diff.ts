/** What an edit changed, field by field (pure): the detail of an admin audit entry. */

export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of `patch` whose value differs from `before`; fields left undefined are not edits. */
export function changedFields(before: Record<string, unknown>, patch: Record<string, unknown>): FieldChanges {
  const changes: FieldChanges = {};
  for (const [field, to] of Object.entries(patch)) {
    if (to === undefined) continue;
    const from = before[field];
    if (!same(from, to)) changes[field] = { from: from ?? null, to };
  }
  return changes;
}
