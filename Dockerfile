# syntax=docker/dockerfile:1
# Panelkit's production image. Build: docker build -t panelkit .  Run with compose.yaml, or:
#   docker run -e DATABASE_URL=… -e NEXTAUTH_SECRET=… -e MONITORING_KEY=… -e NEXTAUTH_URL=… -p 3000:3000 panelkit
# The entrypoint applies migrations and the built-in banks, then serves on PORT (3000).

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# Dependencies first, so that a source change reuses this layer. postinstall runs `prisma generate`.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/prisma-engine-stub.sh ./scripts/
RUN npm install --no-audit --no-fund
COPY . .
RUN NODE_ENV=production npx tsx scripts/build.ts \
  && npm prune --omit=dev --no-audit --no-fund \
  && rm -rf .next/cache

FROM node:20-bookworm-slim
WORKDIR /app
# HOSTNAME: Docker sets it to the container id, and the server would listen on that name only.
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
# What the server runs: the build, production dependencies (tsx runs scripts/serve.ts and the server code
# it imports from src/, with the Prisma client generated into src/generated), migrations and seed data.
COPY --from=build /app/package.json /app/next.config.ts /app/tsconfig.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/.next ./.next
COPY --from=build /app/public ./public
COPY --from=build /app/src ./src
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/seeds ./seeds
COPY --from=build /app/docker ./docker
# The image's `node` user (uid 1000); the app writes nothing to its own folder.
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 CMD ["node", "docker/healthcheck.mjs"]
ENTRYPOINT ["/app/docker/entrypoint.sh"]
