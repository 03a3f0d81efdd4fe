/** Prisma's "unique constraint failed" (P2002), whatever the driver adapter wraps it in. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string; meta?: { code?: string } };
  // a raw query's failure (P2010) carries the database's own code and message: PostgreSQL's is 23505
  return (
    e?.code === "P2002" ||
    e?.meta?.code === "23505" ||
    /UNIQUE constraint failed|duplicate key value violates unique constraint/i.test(e?.message ?? "")
  );
}
