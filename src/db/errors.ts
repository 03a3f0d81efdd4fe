/** Prisma's "unique constraint failed" (P2002), whatever the driver adapter wraps it in. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === "P2002" || /UNIQUE constraint failed/i.test(e?.message ?? "");
}
