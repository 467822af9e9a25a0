/**
 * A small client of the real yaml-language-server (the engine of VS Code's YAML extension), so
 * that the tests see what a clerk's editor shows: diagnostics, hover and completion for a plan
 * with the schema line on top. JSON-RPC over stdio; no network (the schema store is off).
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

export interface Diagnostic {
  range: { start: { line: number; character: number } };
  message: string;
  severity?: number;
  source?: string;
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

export class YamlLanguageServer {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly waiting = new Map<string, ((d: Diagnostic[]) => void)[]>();
  private version = 0;

  private constructor() {
    const pkg = createRequire(import.meta.url).resolve("yaml-language-server/package.json");
    const server = join(dirname(pkg), "bin", "yaml-language-server");
    this.child = spawn(process.execPath, [server, "--stdio"], { stdio: "pipe" });
    this.child.stdout.on("data", (chunk: Buffer) => this.receive(chunk));
  }

  static async start(): Promise<YamlLanguageServer> {
    const s = new YamlLanguageServer();
    await s.request("initialize", {
      processId: process.pid,
      rootUri: null,
      capabilities: { textDocument: { hover: { contentFormat: ["markdown", "plaintext"] }, completion: { completionItem: { snippetSupport: true, documentationFormat: ["markdown"] } } } },
    });
    s.notify("initialized", {});
    s.notify("workspace/didChangeConfiguration", {
      settings: { yaml: { validate: true, hover: true, completion: true, format: { enable: false }, schemaStore: { enable: false }, schemas: {} } },
    });
    return s;
  }

  private send(msg: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...msg }), "utf8");
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const head = this.buffer.indexOf("\r\n\r\n");
      if (head < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, head).toString())?.[1]);
      if (this.buffer.length < head + 4 + length) return;
      const msg = JSON.parse(this.buffer.subarray(head + 4, head + 4 + length).toString("utf8")) as {
        id?: number;
        method?: string;
        params?: { uri: string; diagnostics: Diagnostic[] };
        result?: unknown;
        error?: { message: string };
      };
      this.buffer = this.buffer.subarray(head + 4 + length);
      if (msg.method === "textDocument/publishDiagnostics" && msg.params) {
        this.diagnostics.set(msg.params.uri, msg.params.diagnostics);
        for (const w of this.waiting.get(msg.params.uri) ?? []) w(msg.params.diagnostics);
        this.waiting.delete(msg.params.uri);
      } else if (msg.id !== undefined && msg.method !== undefined) {
        // a request of the server's (configuration, registration): answer with nothing
        this.send({ id: msg.id, result: msg.method === "workspace/configuration" ? [{}] : null });
      } else if (msg.id !== undefined) {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error) p?.reject(new Error(msg.error.message));
        else p?.resolve(msg.result);
      }
    }
  }

  request(method: string, params: object): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: object): void {
    this.send({ method, params });
  }

  /** Opens (or replaces) a document at `file`'s place, so its schema line resolves as in the editor. */
  async open(file: string, text = readFileSync(file, "utf8")): Promise<Diagnostic[]> {
    const uri = pathToFileURL(file).href;
    const published = new Promise<Diagnostic[]>((resolve) => this.waiting.set(uri, [...(this.waiting.get(uri) ?? []), resolve]));
    this.notify("textDocument/didOpen", { textDocument: { uri, languageId: "yaml", version: ++this.version, text } });
    return published;
  }

  close(file: string): void {
    this.notify("textDocument/didClose", { textDocument: { uri: pathToFileURL(file).href } });
  }

  async hover(file: string, line: number, character: number): Promise<string> {
    const r = (await this.request("textDocument/hover", { textDocument: { uri: pathToFileURL(file).href }, position: { line, character } })) as { contents?: { value?: string } | string } | null;
    const c = r?.contents;
    return typeof c === "string" ? c : (c?.value ?? "");
  }

  async completion(file: string, line: number, character: number): Promise<{ label: string; insertText?: string; documentation?: unknown }[]> {
    const r = (await this.request("textDocument/completion", { textDocument: { uri: pathToFileURL(file).href }, position: { line, character } })) as { items?: { label: string }[] } | null;
    return (r?.items ?? []) as { label: string; insertText?: string; documentation?: unknown }[];
  }

  async stop(): Promise<void> {
    await this.request("shutdown", {}).catch(() => undefined);
    this.notify("exit", {});
    this.child.kill();
  }
}
