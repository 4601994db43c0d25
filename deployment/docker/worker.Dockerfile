# syntax=docker/dockerfile:1
# The worker image: ffmpeg (npm static build), whisper.cpp built for any x86-64 (no host CPU
# flags), the default Whisper model, and the Python helpers (aligner, VAD, WordLlama) in a venv.
# `--target worker-cuda` builds whisper.cpp with CUDA for GPU hosts (NVIDIA container runtime).
FROM node:20.19.5-bookworm AS build
WORKDIR /app
RUN apt-get update \
    && apt-get install -y --no-install-recommends cmake g++ make \
       python3 python3-venv \
    && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
COPY scripts ./scripts
RUN GGML_NATIVE=OFF node scripts/setup.js && npm run build && npm prune --omit=dev \
    && rm -rf .cache/wheels .cache/ct2 .cache/whisper.cpp/build

FROM node:20.19.5-bookworm-slim AS worker
# The venv's Python (aligner, VAD) is the system one it was made with.
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production WORKER_METRICS_PORT=9464
COPY --from=build --chown=1000:1000 /app /app
USER 1000:1000
EXPOSE 9464
# Alive while its metrics server answers (it is served from the worker's own event loop).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:9464/metrics').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/apps/worker/src/main.js"]

FROM nvidia/cuda:12.6.3-devel-ubuntu22.04 AS build-cuda
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
WORKDIR /app
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
       cmake g++ make \
       python3 python3-venv \
    && curl -fsSL https://deb.nodesource.com/setup_20.x | bash - \
    && apt-get install -y --no-install-recommends nodejs \
    && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
COPY scripts ./scripts
RUN GGML_NATIVE=OFF GGML_CUDA=ON node scripts/setup.js && npm run build && npm prune --omit=dev \
    && rm -rf .cache/wheels .cache/ct2 .cache/whisper.cpp/build

FROM nvidia/cuda:12.6.3-runtime-ubuntu22.04 AS worker-cuda
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
       python3 \
    && curl -fsSL https://deb.nodesource.com/setup_20.x | bash - \
    && apt-get install -y --no-install-recommends nodejs \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 clipgen
WORKDIR /app
ENV NODE_ENV=production WORKER_METRICS_PORT=9464 NVIDIA_DRIVER_CAPABILITIES=compute,utility,video
COPY --from=build-cuda --chown=1000:1000 /app /app
USER 1000:1000
EXPOSE 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:9464/metrics').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/apps/worker/src/main.js"]
