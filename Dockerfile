# Sammen's production image. Build: docker build -t sammen .   Run: see docker-compose.yml and
# docs/DEPLOY.md. The build commands are the ones docs/DEPLOY.md documents for a production build
# (tests/unit/deploy-files.spec.ts checks that they stay the same).

# --- build: all dependencies, the SvelteKit build, then the dev dependencies removed ---
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build
RUN npm prune --omit=dev

# --- runtime: the build and the production dependencies, run as the unprivileged node user ---
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/data
WORKDIR /app
# Owned by root and read-only to the app; only DATA_DIR is the node user's (the embedded database
# when DATABASE_URL is unset, which production should not rely on).
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/build ./build
# For `npm run db:migrate` (and `-- down` to roll back) inside the container.
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/migrations ./migrations
COPY --from=build /app/src/lib ./src/lib
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# No curl in the slim image: Node's own fetch asks /healthz (the process and its database).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself as PID 1 gets SIGTERM from `docker stop`: adapter-node drains requests, then the
# job worker and the database close (the default 10 s stop timeout is raised in docker-compose.yml).
CMD ["node", "build"]
