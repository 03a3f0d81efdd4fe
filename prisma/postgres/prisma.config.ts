import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// The PostgreSQL side (derived by `npm run db:derive-postgres`): generate its client, diff its migrations.
process.env.DATABASE_URL ??= "postgresql://localhost:5432/credito";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL });
  },
});
