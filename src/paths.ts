/** Where the package's own folders are, from the compiled code in dist/. */
import { fileURLToPath } from "node:url";

const root = new URL("../", import.meta.url);

export const PACKAGE_ROOT = fileURLToPath(root);
export const SCHEMAS_DIR = fileURLToPath(new URL("schemas/", root));
export const TEMPLATES_DIR = fileURLToPath(new URL("templates/", root));
