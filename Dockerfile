# syntax=docker/dockerfile:1
# One image for both processes: `node dist/src/main.js` (API) and `node dist/src/worker.js`.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts: the only one the project allows (embedded PostgreSQL) is for local runs.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
COPY migrations ./migrations
COPY bench ./bench
RUN npm run build && npm prune --omit=dev --ignore-scripts

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    STORAGE_LOCAL_DIR=/app/var/files
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY templates ./templates
RUN mkdir -p /app/var/files && chown -R node:node /app/var
USER node
EXPOSE 3000
CMD ["node", "dist/src/main.js"]
