#!/usr/bin/env node
// The bundle made by `npm run build` (dist/bundle/); see src/bundle.ts.
import "../dist/bundle/kehoach.js";
