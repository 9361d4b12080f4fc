/**
 * A local stand-in for Netlify's CDN: serves a built site on 127.0.0.1 with
 * the headers netlify.toml declares (matched the way Netlify matches `for`
 * patterns), `404.html` for missing pages, and compression left out (sizes
 * are measured separately).
 */
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { parse } from "smol-toml";
import { ROOT } from "./project.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
  ".ico": "image/x-icon",
  ".xsl": "text/xsl",
};

interface HeaderRule {
  pattern: RegExp;
  values: Record<string, string>;
}

/** The `[[headers]]` rules of netlify.toml. */
export async function netlifyHeaderRules(file = path.join(ROOT, "netlify.toml")): Promise<HeaderRule[]> {
  const config = parse(await readFile(file, "utf8")) as {
    headers?: Array<{ for: string; values: Record<string, string> }>;
  };
  return (config.headers ?? []).map((rule) => ({
    pattern: new RegExp(
      `^${rule.for
        .split("*")
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
        .join(".*")}$`,
    ),
    values: rule.values,
  }));
}

export function headersFor(rules: HeaderRule[], urlPath: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) if (rule.pattern.test(urlPath)) Object.assign(headers, rule.values);
  return headers;
}

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function serveSite(root: string): Promise<RunningServer> {
  const rules = await netlifyHeaderRules();
  const resolve = async (urlPath: string): Promise<string | undefined> => {
    const clean = path.normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, "");
    const candidates = clean.endsWith("/")
      ? [path.join(clean, "index.html")]
      : [clean, `${clean}.html`, path.join(clean, "index.html")];
    for (const candidate of candidates) {
      const file = path.join(root, candidate);
      if (!file.startsWith(root)) return undefined;
      const info = await stat(file).catch(() => undefined);
      if (info?.isFile()) return file;
    }
    return undefined;
  };
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const file = await resolve(url.pathname);
    const status = file ? 200 : 404;
    const body = file
      ? await readFile(file)
      : await readFile(path.join(root, "404.html")).catch(() => Buffer.from("Not found"));
    const type = file ? (TYPES[path.extname(file)] ?? "application/octet-stream") : TYPES[".html"]!;
    response.writeHead(status, { "Content-Type": type, ...headersFor(rules, url.pathname) });
    response.end(request.method === "HEAD" ? undefined : body);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
