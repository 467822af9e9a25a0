/**
 * LibreOffice headless, shared by the commands (build --pdf) and the stages (import reads .odt and
 * .doc through it): finding soffice and running it in a process group that a time limit or the end
 * of kehoach takes down whole. Neutral ground, so that read/ never imports commands/.
 */
import { spawn, spawnSync } from "node:child_process";

/** The Debian package that brings LibreOffice without a desktop. */
export const OFFICE_PACKAGE = "libreoffice-writer-nogui";

let sofficeFound: string | null | undefined;

/** The soffice executable, or null when LibreOffice is not installed. */
export function findSoffice(): string | null {
  if (sofficeFound !== undefined) return sofficeFound;
  for (const name of ["soffice", "libreoffice"]) {
    const r = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
    if (r.status === 0 && r.stdout.trim()) return (sofficeFound = r.stdout.trim());
  }
  return (sofficeFound = null);
}

/** Runs soffice once over inputs; resolves when it ends, rejects with the time limit. */
export function runSoffice(soffice: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<void> {
  return new Promise<void>((done, fail) => {
    // its own process group, so that the whole of it goes (soffice is a script that starts soffice.bin)
    const child = spawn(soffice, args, { stdio: "ignore", env, detached: true });
    const kill = (): void => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    };
    // kehoach stopped (Ctrl+C, a CI time limit): LibreOffice stops with it
    process.once("exit", kill);
    const end = (): void => {
      clearTimeout(timer);
      process.removeListener("exit", kill);
    };
    const timer = setTimeout(() => {
      end();
      kill();
      fail(new Error("timeout"));
    }, timeoutMs);
    child.on("error", () => {
      end();
      done(); // reported by the caller, as missing outputs
    });
    child.on("exit", () => {
      end();
      done();
    });
  });
}

