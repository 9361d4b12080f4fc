/**
 * The « S'abonner » page's copy buttons: shown once this script runs (the
 * page holds them hidden), each copies its feed's address, says so on the
 * button for a moment and in the page's status region for screen readers.
 * When the clipboard refuses, the address is selected for the reader to
 * copy, and the status says how.
 */
const DONE_MS = 2500;

function selectText(element: Element): void {
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

function enhance(root: HTMLElement): void {
  const status = root.querySelector<HTMLElement>("[data-copy-status]");
  for (const button of root.querySelectorAll<HTMLButtonElement>("button[data-copy]")) {
    const label = button.textContent ?? "";
    let timer: ReturnType<typeof setTimeout> | undefined;
    button.hidden = false;
    const copy = async () => {
      clearTimeout(timer);
      let said: string;
      try {
        await navigator.clipboard.writeText(button.dataset.copy!);
        said = root.dataset.copied!;
        button.textContent = said;
        button.dataset.done = "";
        timer = setTimeout(() => {
          button.textContent = label;
          delete button.dataset.done;
        }, DONE_MS);
      } catch {
        const address = button.parentElement?.querySelector(".feed-address__url");
        if (address) selectText(address);
        said = root.dataset.copyFailed!;
      }
      if (status) status.textContent = said;
    };
    button.addEventListener("click", () => void copy());
  }
}

for (const root of document.querySelectorAll<HTMLElement>(".subscribe")) enhance(root);
