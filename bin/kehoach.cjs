#!/usr/bin/env node
// The bundle made by `npm run build`, started with its code cache; see src/boot.ts. CommonJS,
// since Node starts a CommonJS entry faster than a module.
require("../dist/boot.cjs").boot();
