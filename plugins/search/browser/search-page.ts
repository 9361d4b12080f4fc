/**
 * The search page: results appear under the form as the reader types,
 * from the Pagefind index the build wrote in /pagefind/ (loaded from the
 * site itself, only on this page), and their number is announced in the
 * live region. The query stays in the address (`?q=`), so a search can be
 * shared and the back button finds it again.
 *
 * https://pagefind.app/docs/api/
 */
import type { SearchStrings } from "../../../layouts/search/SearchPage.tsx";
import { ELLIPSIS, excerptCuts } from "./excerpt.ts";

interface PagefindResultData {
  url: string;
  excerpt: string;
  /** The page's whole text, to tell where the excerpt was cut. */
  content: string;
  meta: Record<string, string | undefined>;
}

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{ results: Array<{ data(): Promise<PagefindResultData> }> } | null>;
}

const PAGE_SIZE = 10;
const TYPING_PAUSE_MS = 200;
/** Say « Recherche en cours… » only when the answer is not there by then. */
const SLOW_MS = 400;

const form = document.querySelector<HTMLFormElement>("form[data-search-form]");
const input = form?.querySelector<HTMLInputElement>("input[name=q]");
const status = document.querySelector<HTMLElement>("[data-search-status]");
const list = document.querySelector<HTMLOListElement>("[data-search-results]");
const more = document.querySelector<HTMLButtonElement>("[data-search-more]");

if (form && input && status && list && more) {
  const strings = JSON.parse(form.dataset.strings ?? "{}") as SearchStrings;
  const plurals = new Intl.PluralRules(strings.locale);
  // The form stays on this page: the fallback engine is for browsers without JavaScript.
  form.action = location.pathname;
  for (const field of form.querySelectorAll<HTMLInputElement>("[data-search-fallback]")) field.disabled = true;

  let pagefind: Promise<Pagefind> | undefined;
  const load = (): Promise<Pagefind> =>
    (pagefind ??= import(
      /* the site's own index, not part of this bundle */ new URL("/pagefind/pagefind.js", location.href).href
    ).then(async (module: Pagefind) => {
      await module.options({ excerptLength: 30 });
      await module.init();
      return module;
    }));

  /** Each search gets a number; an answer to an older one is dropped. */
  let current = 0;
  let pending: Array<{ data(): Promise<PagefindResultData> }> = [];

  const countText = (count: number, query: string): string => {
    const form = count === 0 && strings.results.zero ? "zero" : plurals.select(count);
    const template = strings.results[form] ?? strings.results.other ?? "";
    return template.replace("{count}", count.toLocaleString(strings.locale)).replace("{query}", query);
  };

  const showNext = async (id: number): Promise<void> => {
    const batch = pending.splice(0, PAGE_SIZE);
    const data = await Promise.all(batch.map((result) => result.data()));
    if (id !== current) return;
    list.append(...data.map(resultItem));
    more.hidden = pending.length === 0;
  };

  const run = async (raw: string): Promise<void> => {
    const id = ++current;
    const query = raw.trim();
    history.replaceState(history.state, "", query ? `?q=${encodeURIComponent(query)}` : location.pathname);
    if (!query) {
      list.replaceChildren();
      status.textContent = "";
      more.hidden = true;
      return;
    }
    const slow = setTimeout(() => id === current && (status.textContent = strings.searching), SLOW_MS);
    list.setAttribute("aria-busy", "true");
    try {
      // Nothing published yet: there is no index to load.
      const search = form.hasAttribute("data-search-empty") ? { results: [] } : await (await load()).search(query);
      if (id !== current || !search) return;
      const total = search.results.length;
      pending = [...search.results];
      list.replaceChildren();
      await showNext(id);
      if (id === current) status.textContent = countText(total, query);
    } catch (error) {
      if (id === current) status.textContent = strings.failed;
      throw error;
    } finally {
      clearTimeout(slow);
      if (id === current) list.removeAttribute("aria-busy");
    }
  };

  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => void run(input.value), TYPING_PAUSE_MS);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typing);
    void run(input.value);
  });
  more.addEventListener("click", () => {
    // Keep the keyboard where the reader was: on the first new result.
    const before = list.children.length;
    void showNext(current).then(() => list.children[before]?.querySelector("a")?.focus());
  });
  // Load the index while the reader types the first word.
  if (!form.hasAttribute("data-search-empty"))
    input.addEventListener("focus", () => void load().catch(() => undefined), { once: true });

  const initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    void run(initial);
  }
}

/** One result, shaped like a post in the lists: title, date and category, excerpt (« … » where it was cut). */
function resultItem({ url, excerpt, content, meta }: PagefindResultData): HTMLLIElement {
  const item = document.createElement("li");
  const article = item.appendChild(document.createElement("article"));
  article.className = "summary";
  const title = article.appendChild(document.createElement("h2"));
  title.className = "summary__title";
  const link = title.appendChild(document.createElement("a"));
  link.href = url;
  link.textContent = meta.title ?? url;
  const details = [meta.date, meta.category].filter((text): text is string => Boolean(text));
  if (details.length > 0) {
    const line = article.appendChild(document.createElement("p"));
    line.className = "summary__meta meta";
    line.textContent = details.join(" · ");
  }
  const text = article.appendChild(document.createElement("p"));
  text.className = "summary__text";
  // Pagefind's excerpt is the page's own text, escaped, with <mark> around the words found.
  text.innerHTML = excerpt;
  const cuts = excerptCuts(content ?? "", text.textContent ?? "");
  if (cuts.before) text.prepend(`${ELLIPSIS} `);
  if (cuts.after) text.append(` ${ELLIPSIS}`);
  return item;
}
