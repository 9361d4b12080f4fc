/**
 * Loads the giscus widget under a post, and nothing from GitHub or giscus
 * before it is needed:
 * - `lazy`: when the comment section nears the viewport;
 * - `consent`: after the reader clicks « Afficher les commentaires »; the
 *   choice is remembered, and later pages then load lazily.
 *
 * The widget follows the site's theme (the `billet:themechange` event from
 * layouts/scripts/theme.ts). Once giscus has shown the thread, the static
 * copy of GitHub's comments and the link to GitHub are hidden, so nothing
 * shows twice; archived comments and replies from Mastodon or Bluesky,
 * which only this page has, stay. When the widget cannot load (its script
 * fails, or giscus.app does not answer in time), it is removed and a
 * sentence and the link to the post's discussion stand in its place,
 * instead of a broken frame.
 */
const CONSENT_KEY = "billet-comments-consent";
const GISCUS_ORIGIN = "https://giscus.app";
/** giscus says it has shown the thread within this long, or the widget is taken for broken. */
const WIDGET_TIMEOUT_MS = 15_000;

type Theme = "light" | "dark";

function currentTheme(): Theme {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === "light" || chosen === "dark") return chosen;
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

function consentGiven(): boolean {
  try {
    return localStorage.getItem(CONSENT_KEY) === "yes";
  } catch {
    return false;
  }
}

function rememberConsent(): void {
  try {
    localStorage.setItem(CONSENT_KEY, "yes");
  } catch {
    // Storage can be disabled: the choice then lasts for this page.
  }
}

function themeFor(container: HTMLElement, theme: Theme): string {
  return (theme === "dark" ? container.dataset.themeDark : container.dataset.themeLight) ?? theme;
}

async function showWidget(container: HTMLElement): Promise<void> {
  const data = container.dataset;
  const section = container.closest<HTMLElement>(".comments");
  // giscus links a new discussion back to this page: the canonical address, not a preview's.
  if (data.backlink && !document.querySelector('meta[name="giscus:backlink"]')) {
    const meta = document.createElement("meta");
    meta.name = "giscus:backlink";
    meta.content = data.backlink;
    document.head.append(meta);
  }
  // Made now, put on the page only once its script has loaded.
  const widget = document.createElement("giscus-widget");
  const failed = () => {
    window.removeEventListener("message", shown);
    widget.remove();
    container.querySelector("[data-comments-consent]")?.remove();
    const sentence = container.querySelector<HTMLElement>("[data-comments-failed]");
    if (sentence) sentence.hidden = false;
    for (const element of section?.querySelectorAll<HTMLElement>("[data-comments-fallback]") ?? [])
      element.hidden = false;
  };
  const timer = window.setTimeout(failed, WIDGET_TIMEOUT_MS);
  function shown(event: MessageEvent) {
    if (event.origin !== GISCUS_ORIGIN || !(event.data && typeof event.data === "object" && "giscus" in event.data))
      return;
    window.removeEventListener("message", shown);
    window.clearTimeout(timer);
    for (const element of section?.querySelectorAll<HTMLElement>(
      "[data-comments-snapshot], [data-comments-fallback]",
    ) ?? [])
      element.hidden = true;
  }
  window.addEventListener("message", shown);

  try {
    await import(/* @vite-ignore */ data.giscus!);
  } catch {
    window.clearTimeout(timer);
    failed();
    return;
  }
  const attributes: Record<string, string | undefined> = {
    repo: data.repo,
    repoid: data.repoId,
    category: data.category,
    categoryid: data.categoryId,
    mapping: data.mapping,
    term: data.term,
    strict: data.strict,
    reactionsenabled: data.reactions,
    emitmetadata: "0",
    inputposition: data.inputPosition,
    theme: themeFor(container, currentTheme()),
    lang: data.lang,
    loading: "eager",
  };
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) widget.setAttribute(name, value);
  document.addEventListener("billet:themechange", (event) => {
    const theme = (event as CustomEvent<{ theme: Theme }>).detail?.theme;
    if (theme === "light" || theme === "dark") widget.setAttribute("theme", themeFor(container, theme));
  });
  container.querySelector("[data-comments-consent]")?.remove();
  container.append(widget);
}

function whenNear(container: HTMLElement, then: () => void): void {
  if (!("IntersectionObserver" in window)) {
    then();
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        then();
      }
    },
    { rootMargin: "400px 0px" },
  );
  observer.observe(container);
}

for (const container of document.querySelectorAll<HTMLElement>("[data-giscus]")) {
  const load = () => void showWidget(container);
  if (container.dataset.loading === "consent" && !consentGiven()) {
    const box = container.querySelector<HTMLElement>("[data-comments-consent]");
    if (!box) continue;
    box.hidden = false;
    box.querySelector("button")?.addEventListener(
      "click",
      () => {
        rememberConsent();
        load();
      },
      { once: true },
    );
  } else {
    whenNear(container, load);
  }
}
