/**
 * The share block's buttons that need a script (loaded on post pages only):
 *
 * - « Copier le lien » writes the post's address to the clipboard;
 * - the system share sheet, where the browser has one (phones mostly);
 * - Mastodon: asks the reader for their instance once, keeps it in
 *   localStorage, then opens `https://<instance>/share?text=…`.
 *
 * Each is rendered hidden and shown here only when it can work. Nothing is
 * requested from anywhere before the reader clicks.
 */
import { instanceHost, mastodonShareUrl, type SharedPage } from "./networks.ts";

const STORAGE_KEY = "billet-mastodon-instance";

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

function setUp(block: HTMLElement): void {
  const page: SharedPage = {
    title: block.dataset.shareTitle ?? document.title,
    url: block.dataset.shareUrl ?? location.href,
  };
  const status = block.querySelector<HTMLElement>("[data-share-status]");
  const say = (text: string | undefined) => {
    if (status) status.textContent = text ?? "";
  };

  const action = (name: string, available: boolean, run: () => void) => {
    const button = block.querySelector<HTMLButtonElement>(`[data-share-action="${name}"]`);
    if (!button || !available) return;
    button.closest("li")!.hidden = false;
    button.addEventListener("click", run);
  };

  action("copy", typeof navigator.clipboard?.writeText === "function", () => {
    navigator.clipboard.writeText(page.url).then(
      () => say(status?.dataset.copied),
      () => say(status?.dataset.copyFailed),
    );
  });

  action("native", typeof navigator.share === "function", () => {
    say("");
    // A reader who closes the sheet rejects the promise: nothing to report.
    navigator.share({ title: page.title, url: page.url }).catch(() => undefined);
  });

  const dialog = block.querySelector<HTMLDialogElement>("[data-share-dialog]");
  if (dialog && typeof dialog.showModal === "function") setUpMastodon(block, dialog, page, action);
}

function setUpMastodon(
  block: HTMLElement,
  dialog: HTMLDialogElement,
  page: SharedPage,
  action: (name: string, available: boolean, run: () => void) => void,
): void {
  const form = dialog.querySelector("form")!;
  const input = form.querySelector<HTMLInputElement>("input[name=instance]")!;
  const error = form.querySelector<HTMLElement>("[data-invalid]")!;
  const change = block.querySelector<HTMLButtonElement>("[data-share-mastodon-change]");
  const changeLabel = change?.textContent ?? "";

  const showChange = () => {
    const instance = rememberedInstance();
    if (!change) return;
    change.hidden = !instance;
    if (instance) change.textContent = changeLabel.replace("{instance}", instance);
  };

  const share = (instance: string) => {
    window.open(mastodonShareUrl(instance, page), "_blank", "noopener");
  };

  const ask = () => {
    input.value = rememberedInstance() ?? "";
    error.textContent = "";
    input.removeAttribute("aria-invalid");
    dialog.showModal();
    input.focus();
  };

  action("mastodon", true, () => {
    const instance = rememberedInstance();
    if (instance) share(instance);
    else ask();
  });
  change?.addEventListener("click", ask);

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const instance = instanceHost(input.value);
    if (!instance) {
      error.textContent = error.dataset.invalid ?? "";
      input.setAttribute("aria-invalid", "true");
      input.focus();
      return;
    }
    remember(instance);
    dialog.close();
    showChange();
    share(instance);
  });
  form.querySelector("[data-share-cancel]")?.addEventListener("click", () => dialog.close());
  showChange();
}

for (const block of document.querySelectorAll<HTMLElement>("[data-share]")) setUp(block);
