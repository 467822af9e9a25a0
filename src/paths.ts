/** Where the package's own folders are, wherever the running code sits (dist/ or its bundle). */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!(existsSync(join(dir, "package.json")) && existsSync(join(dir, "templates")))) {
    const up = dirname(dir);
    if (up === dir) throw new Error("kehoach: package root not found");
    dir = up;
  }
  return dir;
}

export const PACKAGE_ROOT = packageRoot();
export const SCHEMAS_DIR = join(PACKAGE_ROOT, "schemas");
export const TEMPLATES_DIR = join(PACKAGE_ROOT, "templates");
