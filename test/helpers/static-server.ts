/**
 * A local stand-in for Netlify's CDN: serves a built site on 127.0.0.1 with
 * the headers netlify.toml declares (matched the way Netlify matches `for`
 * patterns), the rules of the site's `_redirects` file, `404.html` for
 * missing pages, and compression left out (sizes are measured separately).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { statSync } from "node:fs";
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

/**
 * One line of a `_redirects` file: `/from [key=value…] /to [status][!]`.
 * https://docs.netlify.com/manage/routing/redirects/overview/#syntax-for-the-_redirects-file
 */
export interface RedirectRule {
  from: string;
  /** Query conditions: a value `:name` captures, any other value must be equal. */
  query: Array<[string, string]>;
  to: string;
  status: number;
  force: boolean;
}

export function parseRedirects(text: string): RedirectRule[] {
  const rules: RedirectRule[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const parts = line.split(/\s+/);
    const from = parts.shift()!;
    const query: Array<[string, string]> = [];
    while (parts.length > 0 && !/^(?:\/|https?:\/\/)/.test(parts[0]!) && parts[0]!.includes("=")) {
      const [key, ...value] = parts.shift()!.split("=");
      query.push([key!, value.join("=")]);
    }
    const to = parts.shift();
    if (!to) continue;
    const status = /^(\d{3})(!?)$/.exec(parts[0] ?? "");
    rules.push({ from, query, to, status: status ? Number(status[1]) : 301, force: status?.[2] === "!" });
  }
  return rules;
}

/** The path pattern of a rule as a regular expression (placeholders, a final splat, trailing slash optional). */
function pathPattern(from: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const body = from
    .replace(/\/+$/, "")
    .split("/")
    .map((segment) =>
      segment === "*"
        ? (names.push("splat"), "(.*)")
        : segment.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/:([A-Za-z_]\w*)/g, (_m, name: string) => {
            names.push(name);
            return "([^/]+)";
          }),
    )
    .join("/");
  return { regex: new RegExp(`^${body}/?$`), names };
}

/**
 * The rule that applies to a request, as Netlify applies them: top to
 * bottom, the first match wins; a rule with query conditions matches only
 * requests with exactly those parameters; an existing file shadows a rule
 * unless it is forced (`301!`); query parameters are passed on.
 */
export function matchRedirect(
  rules: RedirectRule[],
  url: URL,
  fileExists: (pathname: string) => boolean,
): { status: number; location: string } | undefined {
  const params = [...url.searchParams];
  for (const rule of rules) {
    const { regex, names } = pathPattern(rule.from);
    const match = regex.exec(decodeURIComponent(url.pathname));
    if (!match) continue;
    const values = new Map<string, string>(names.map((name, i) => [name, match[i + 1] ?? ""]));
    if (rule.query.length > 0) {
      if (params.length !== rule.query.length) continue;
      const ok = rule.query.every(([key, expected]) => {
        const value = url.searchParams.get(key);
        if (value === null) return false;
        if (expected.startsWith(":")) {
          values.set(expected.slice(1), value);
          return true;
        }
        return value === expected;
      });
      if (!ok) continue;
    }
    if (!rule.force && fileExists(url.pathname)) return undefined;
    let location = rule.to.replace(/:([A-Za-z_]\w*)/g, (whole, name: string) =>
      values.has(name) ? encodeURI(values.get(name)!) : whole,
    );
    if (!location.includes("?") && url.search && [200, 301, 302].includes(rule.status)) location += url.search;
    return { status: rule.status, location };
  }
  return undefined;
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
  const redirects = parseRedirects(await readFile(path.join(root, "_redirects"), "utf8").catch(() => ""));
  const exists = (urlPath: string) => {
    const clean = decodeURIComponent(urlPath);
    return [clean, path.join(clean, "index.html")].some((candidate) => {
      try {
        return statSync(path.join(root, candidate)).isFile();
      } catch {
        return false;
      }
    });
  };
  const answer = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    let url = new URL(request.url ?? "/", "http://127.0.0.1");
    const redirect = matchRedirect(redirects, url, exists);
    if (redirect && redirect.status >= 300 && redirect.status < 400) {
      response.writeHead(redirect.status, { Location: redirect.location, ...headersFor(rules, url.pathname) });
      response.end();
      return;
    }
    if (redirect?.status === 200) url = new URL(redirect.location, url);
    const file = await resolve(url.pathname);
    const status = file ? 200 : 404;
    const body = file
      ? await readFile(file)
      : await readFile(path.join(root, "404.html")).catch(() => Buffer.from("Not found"));
    const type = file ? (TYPES[path.extname(file)] ?? "application/octet-stream") : TYPES[".html"]!;
    response.writeHead(status, { "Content-Type": type, ...headersFor(rules, url.pathname) });
    response.end(request.method === "HEAD" ? undefined : body);
  };
  // A file that cannot be read is a 500, as a server would answer, not a
  // request left hanging and an unhandled rejection.
  const server = createServer((request, response) => {
    answer(request, response).catch((error: Error) => {
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      response.end(error.message);
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
