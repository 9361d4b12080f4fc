/**
 * What the preview's server writes itself: the page shown instead of every
 * page while there are problems, and the script that reloads open pages.
 * Neither is ever part of a build.
 */
import { escapeEntities } from "jsx-async-runtime";
import type { I18n } from "../i18n/index.ts";

export const RELOAD_URL = "/_billet/reload.js";

/**
 * Listens to the server's versions: the page was served at `data-version`;
 * any other version means the site changed (or the server started anew), so
 * the page is loaded again. A lost connection is retried.
 */
export const RELOAD_SCRIPT = `const version = document.querySelector('script[src="${RELOAD_URL}"]')?.dataset.version;
function listen() {
  const events = new EventSource("/_billet/events");
  events.onmessage = (event) => {
    if (event.data !== version) location.reload();
  };
  events.onerror = () => {
    events.close();
    setTimeout(listen, 250);
  };
}
listen();
`;

export function errorPage(problems: string[], i18n: I18n | undefined, version: string): string {
  const text = (value: string) => escapeEntities(i18n ? i18n.typography(value) : value);
  const title = i18n?.t.preview.title ?? "To fix before the site can show";
  const intro = i18n?.plural(i18n.t.preview.intro, problems.length) ?? "Problems:";
  const next = i18n?.t.preview.next ?? "";
  const items = problems.map((problem) => `<li>${escapeEntities(problem)}</li>`).join("\n");
  return `<!doctype html>
<html lang="${i18n?.language ?? "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${text(title)}</title>
<style>
:root { color-scheme: light dark; --bg: #fdfaf6; --fg: #1d1b19; --muted: #5d5750; --line: #b3261e; --card: #fff; }
@media (prefers-color-scheme: dark) { :root { --bg: #1a1816; --fg: #f1ece6; --muted: #b8b0a6; --line: #ff8a80; --card: #24211e; } }
body { margin: 0; background: var(--bg); color: var(--fg); font: 1rem/1.5 system-ui, sans-serif; }
main { max-width: 52rem; margin: 0 auto; padding: 2.5rem 1.25rem; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; }
ol { margin: 1rem 0; padding: 0; list-style: none; }
li { background: var(--card); border-left: 4px solid var(--line); padding: .75rem 1rem; margin: 0 0 .75rem;
  font: .9rem/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
p { color: var(--muted); }
</style>
</head>
<body>
<main>
<h1>${text(title)}</h1>
<p>${text(intro)}</p>
<ol>
${items}
</ol>
<p>${text(next)}</p>
</main>
<script type="module" src="${RELOAD_URL}" data-version="${version}"></script>
</body>
</html>
`;
}
