#!/usr/bin/env node
// The bundle made by `npm run build`, started with its code cache; see src/boot.ts. CommonJS,
// since Node starts a CommonJS entry faster than a module.
let launcher;
try {
  launcher = require("../dist/boot.cjs");
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND") {
    process.stderr.write("kehoach chưa được dựng: hãy chạy `npm install` (hoặc `npm run build`) trong thư mục kehoach.\n");
    process.exit(70);
  }
  throw e;
}
launcher.boot();
