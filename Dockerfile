# One image for every Enlace process; docker-compose.yml picks the entry point of each service.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY services ./services
COPY gateway ./gateway
COPY scripts ./scripts
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The files processes read at run time (services/platform/paths.ts finds them from package.json's folder):
# the supergraph, GraphiQL's example tabs, the Work Plan. test/deploy/image.test.ts starts what this stage holds.
COPY schema ./schema
COPY gateway/examples ./gateway/examples
COPY services/workplan/data/workplan.json ./services/workplan/data/
USER node
# Every process runs node with the V8 flags of services/platform/node-flags.ts (test/deploy/image.test.ts
# holds them equal); docker-compose.yml names the script.
ENTRYPOINT ["node", "--min-semi-space-size=16", "--max-semi-space-size=16"]
CMD ["dist/gateway/main.js"]
