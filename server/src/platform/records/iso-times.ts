/** createdAt and updatedAt of a row as ISO strings, for the API shape. */
export function isoTimes(row: Record<string, unknown>): { createdAt: string; updatedAt: string } {
  return {
    createdAt: (row.createdAt as Date).toISOString(),
    updatedAt: (row.updatedAt as Date).toISOString(),
  };
}
