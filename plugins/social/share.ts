/**
 * The share block's buttons that need a script (loaded on post pages, when
 * the reader nears the block: layouts/scripts/scripts-near.ts):
 *
 * - « Copier le lien » writes the post's address to the clipboard;
 * - the system share sheet, where the browser has one (phones mostly);
 * - Mastodon: asks the reader for their instance once, keeps it in
 *   localStorage, then opens `https://<instance>/share?text=…`.
 *
 * The page holds an empty, hidden place for each (`li[data-share-action]`);
 * a button is made and shown only when it can work. Its strings are built
 * into this script for the site's language (`__SHARE_TEXT__`, see
 * ShareBlock.tsx). Nothing is requested from anywhere before the reader clicks.
 */
import { instanceHost, mastodonShareUrl, type SharedPage } from "./networks.ts";
import type { ShareScriptText } from "./ShareBlock.tsx";

declare const __SHARE_TEXT__: ShareScriptText;
const text = __SHARE_TEXT__;

const STORAGE_KEY = "billet-mastodon-instance";
const SVG = "http://www.w3.org/2000/svg";

function rememberedInstance(): string | undefined {
  try {
    return instanceHost(localStorage.getItem(STORAGE_KEY) ?? "");
  } catch {
    return undefined; // Storage can be disabled: the reader is then asked each time.
  }
}

function remember(instance: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, instance);
  } catch {
    // Asked again next time.
  }
}

/** `<tag class="…">text</tag>` */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, content?: string) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (content !== undefined) node.textContent = content;
  return node;
}

/** The post as it is shared: the title as its page gives it, and its canonical address. */
function sharedPage(): SharedPage {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  const title = document.querySelector('meta[property="og:title"]')?.getAttribute("content");
  return {
    title: title ?? document.querySelector("h1")?.textContent?.trim() ?? document.title,
    url: canonical ?? location.href,
  };
}

function setUp(block: HTMLElement): void {
  const sprite = block.dataset.share ?? "";
  const page = sharedPage();
  const status = element("p", "share__status");
  status.setAttribute("role", "status");
  block.append(status);
  const say = (message: string) => {
    status.textContent = message;
  };

  /** Fills the place kept for `name` with its button, when `available`. */
  const action = (name: "copy" | "native" | "mastodon", available: boolean, run: () => void) => {
    const place = block.querySelector<HTMLElement>(`[data-share-action="${name}"]`);
    if (!place || !available) return undefined;
    const button = element("button", "share__button");
    button.type = "button";
    button.setAttribute("aria-label", text[name].label);
    const icon = document.createElementNS(SVG, "svg");
    icon.setAttribute("aria-hidden", "true");
    const use = document.createElementNS(SVG, "use");
    use.setAttribute("href", `${sprite}#${name}`);
    icon.append(use);
    button.append(icon, text[name].visible);
    button.addEventListener("click", run);
    place.append(button);
    place.hidden = false;
    return place;
  };

  action("copy", typeof navigator.clipboard?.writeText === "function", () => {
    navigator.clipboard.writeText(page.url).then(
      () => say(text.copied),
      () => say(text.copyFailed),
    );
  });

  action("native", typeof navigator.share === "function", () => {
    say("");
    // A reader who closes the sheet rejects the promise: nothing to report.
    navigator.share({ title: page.title, url: page.url }).catch(() => undefined);
  });

  if (typeof HTMLDialogElement === "function" && "showModal" in HTMLDialogElement.prototype) {
    setUpMastodon(block, page, action);
  }
}

/** The dialog that asks for the reader's instance: made once, on first use. */
function mastodonDialog(block: HTMLElement): {
  dialog: HTMLDialogElement;
  input: HTMLInputElement;
  error: HTMLElement;
} {
  const t = text.dialog;
  const dialog = element("dialog", "share-dialog");
  dialog.setAttribute("aria-labelledby", "partager-mastodon");
  const form = element("form", "share-dialog__form");
  form.method = "dialog";
  form.noValidate = true;
  const title = element("h2", "share-dialog__title", t.title);
  title.id = "partager-mastodon";
  const label = element("label", undefined, t.label);
  label.htmlFor = "partager-instance";
  const hint = element("p", "share-dialog__hint", t.hint);
  hint.id = "partager-indice";
  const input = element("input");
  Object.assign(input, { id: "partager-instance", name: "instance", type: "text", required: true, spellcheck: false });
  input.setAttribute("inputmode", "url");
  input.setAttribute("autocomplete", "off");
  input.setAttribute("autocapitalize", "none");
  input.setAttribute("aria-describedby", "partager-indice partager-erreur");
  const error = element("p", "share-dialog__error");
  error.id = "partager-erreur";
  const actions = element("p", "share-dialog__actions");
  const submit = element("button", undefined, t.submit);
  submit.type = "submit";
  const cancel = element("button", undefined, t.cancel);
  cancel.type = "button";
  cancel.addEventListener("click", () => dialog.close());
  actions.append(submit, cancel);
  form.append(title, label, hint, input, error, actions);
  dialog.append(form);
  block.append(dialog);
  return { dialog, input, error };
}

function setUpMastodon(
  block: HTMLElement,
  page: SharedPage,
  action: (name: "mastodon", available: boolean, run: () => void) => HTMLElement | undefined,
): void {
  let parts: ReturnType<typeof mastodonDialog> | undefined;
  const share = (instance: string) => {
    window.open(mastodonShareUrl(instance, page), "_blank", "noopener");
  };

  const place = action("mastodon", true, () => {
    const instance = rememberedInstance();
    if (instance) share(instance);
    else ask();
  });
  if (!place) return;

  const change = element("button", "share__change");
  change.type = "button";
  change.addEventListener("click", () => ask());
  place.append(change);
  const showChange = () => {
    const instance = rememberedInstance();
    change.hidden = !instance;
    if (instance) change.textContent = text.dialog.change.replace("{instance}", instance);
  };

  const ask = () => {
    if (!parts) {
      parts = mastodonDialog(block);
      const { dialog, input, error } = parts;
      dialog.querySelector("form")!.addEventListener("submit", (event) => {
        event.preventDefault();
        const instance = instanceHost(input.value);
        if (!instance) {
          error.textContent = text.dialog.invalid;
          input.setAttribute("aria-invalid", "true");
          input.focus();
          return;
        }
        remember(instance);
        dialog.close();
        showChange();
        share(instance);
      });
    }
    const { dialog, input, error } = parts;
    input.value = rememberedInstance() ?? "";
    error.textContent = "";
    input.removeAttribute("aria-invalid");
    dialog.showModal();
    input.focus();
  };

  showChange();
}

for (const block of document.querySelectorAll<HTMLElement>("[data-share]")) setUp(block);
