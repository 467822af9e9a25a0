/** Where the package's own folders are, wherever the running code sits (dist/ or its bundle). */
import { existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
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

/**
 * The schema folder the schema line names, relative to DIR: the office repository's own installed
 * kehoach (node_modules/kehoach/schemas in DIR or a parent folder), which moves and is cloned with the
 * folder; without one, this kehoach's schemas (a line that breaks when the folder moves: README says
 * to install kehoach in the office repository).
 */
export function schemaDirFor(dir: string): string {
  let schemas = SCHEMAS_DIR;
  for (let d = resolve(dir); ; d = dirname(d)) {
    const installed = join(d, "node_modules", "kehoach", "schemas");
    if (existsSync(join(installed, "kehoach.schema.json"))) {
      schemas = installed;
      break;
    }
    if (dirname(d) === d) break;
  }
  return relative(resolve(dir), schemas).split("\\").join("/").replace(/\/$/, "") || ".";
}
