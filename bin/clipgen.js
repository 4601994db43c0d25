#!/usr/bin/env node
const fs = require('node:fs');
const path = require('node:path');

const entry = path.join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js');
if (!fs.existsSync(entry)) {
  console.error('clipgen is not built yet: run `npm run build` (and `npm run setup` for Whisper).');
  process.exit(1);
}
require(entry);
