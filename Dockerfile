# Reference image for Credito (issue 17). Untested here: docker cannot run on the development machines.
FROM node:20-bookworm-slim
WORKDIR /app
# better-sqlite3 builds its addon when no prebuilt binary fits
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci
COPY . .
RUN npx prisma generate && npx prisma generate --config prisma/postgres/prisma.config.ts
ENV NODE_ENV=production PORT=3000
EXPOSE 3000
# migrations are applied on start (one instance at a time, under an advisory lock on PostgreSQL)
CMD ["npx", "tsx", "src/main.ts"]
