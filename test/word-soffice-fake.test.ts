/**
 * .odt/.doc through LibreOffice when LibreOffice misbehaves (a stand-in soffice on PATH): a
 * conversion that hangs is stopped at the time limit, one that makes nothing is a clear failure;
 * both are Vietnamese findings, and the stand-in is gone afterwards.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { readWordDocument } from "../src/read/word/index.js";
import { tempDir } from "./helpers.js";

const CFB = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1000)]);

describe("LibreOffice misbehaving while converting a .doc", () => {
  let dir = "";
  beforeAll(() => {
    dir = tempDir("kehoach-fake-lo-");
    // FAKE_LO=hang sleeps, anything else exits without output; each run's arguments are logged
    writeFileSync(join(dir, "soffice"), `#!/bin/sh\necho "$@" >> "${join(dir, "runs.log")}"\n[ "$FAKE_LO" = hang ] && sleep 600\nexit 0\n`);
    chmodSync(join(dir, "soffice"), 0o755);
    process.env.PATH = `${dir}:${process.env.PATH}`;
  });

  it("no output: says LibreOffice could not convert, and what to do", async () => {
    process.env.FAKE_LO = "nothing";
    const r = await readWordDocument("cu.doc", CFB, "doc");
    expect(r).toEqual({ findings: [expect.objectContaining({ rule: "word.convert", file: "cu.doc", message: expect.stringContaining("không chuyển được tệp Word 97–2003 (.doc)") })] });
    // a private profile and the docx filter, every time
    const run = readFileSync(join(dir, "runs.log"), "utf8").trim().split("\n").at(-1)!;
    expect(run).toMatch(/^-env:UserInstallation=file:\/\/\/.*kehoach-import-.*\/profile --headless --norestore --convert-to docx:MS Word 2007 XML --outdir /);
  });

  it("a hang: stopped at the time limit, the process group killed", async () => {
    process.env.FAKE_LO = "hang";
    const r = await readWordDocument("cu.doc", CFB, "doc", { timeoutMs: 1500 });
    expect(r).toEqual({ findings: [expect.objectContaining({ rule: "word.convert", message: expect.stringContaining("quá 2 giây") })] });
    const left = spawnSync("pgrep", ["-f", `${dir}/soffice`], { encoding: "utf8" }).stdout.trim();
    expect(left).toBe("");
    expect(existsSync(join(dir, "runs.log"))).toBe(true);
  });
});
