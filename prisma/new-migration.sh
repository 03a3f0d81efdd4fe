#!/usr/bin/env bash
# Adds a migration from the change to prisma/schema.prisma since the last commit.
# (`prisma migrate dev` needs a shadow database engine that is not available offline.)
# Usage: npm run db:migration -- <name>
set -euo pipefail
name=${1:?usage: npm run db:migration -- <name>}
last=$(ls prisma/migrations | grep -E '^[0-9]{4}_' | sort | tail -1)
next=$(printf '%04d' $((10#${last%%_*} + 1)))
dir="prisma/migrations/${next}_${name}"
git show HEAD:prisma/schema.prisma > /tmp/credito-old.prisma
mkdir -p "$dir"
npx prisma migrate diff --from-schema-datamodel /tmp/credito-old.prisma \
  --to-schema-datamodel prisma/schema.prisma --script > "$dir/migration.sql"
npx prisma generate
echo "wrote $dir/migration.sql (the app applies it on next start)"
