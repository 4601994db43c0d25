# syntax=docker/dockerfile:1
# The API image: HTTP only. No ffmpeg, no Whisper, no models, no Python — uploads are probed with
# the ffprobe that ships in node_modules; the heavy work runs in the worker image.
FROM node:20.19.5-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
# better-sqlite3 compiles from source when its prebuilt binary cannot be fetched.
RUN apt-get update \
    && apt-get install -y --no-install-recommends g++ make python3 \
    && rm -rf /var/lib/apt/lists/*
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
# Then drop what only the worker uses: the model runtimes and weights, the static ffmpeg.
RUN npm run build && npm prune --omit=dev \
    && rm -rf node_modules/onnxruntime-node node_modules/@vladmandic/human/models \
       node_modules/@ffmpeg-installer/linux-x64 node_modules/nodejs-whisper

FROM node:20.19.5-bookworm-slim
WORKDIR /app
# The API only runs ffprobe; ffmpeg (removed above) is looked up only where it is used: the worker.
ENV NODE_ENV=production PORT=3000
COPY --from=build --chown=1000:1000 /app/package.json ./
COPY --from=build --chown=1000:1000 /app/node_modules ./node_modules
COPY --from=build --chown=1000:1000 /app/dist ./dist
USER 1000:1000
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/apps/api/src/main.js"]
