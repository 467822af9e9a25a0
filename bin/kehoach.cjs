#!/usr/bin/env node
// The bundle made by `npm run build`, started with its code cache; see src/boot.ts.
import { boot } from "../dist/boot.js";
boot();
