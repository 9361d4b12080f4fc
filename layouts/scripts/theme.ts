/**
 * Light/dark theme. Runs in <head>, before the page paints, so a reader who
 * chose a theme never sees the other one flash.
 *
 * The page follows the system's preference until the reader flips the
 * toggle; the choice is then kept in localStorage. Other features (the
 * comment widget) follow along through the `billet:themechange` event.
 */
const STORAGE_KEY = "billet-theme";
type Theme = "light" | "dark";

const root = document.documentElement;
const systemDark = window.matchMedia("(prefers-color-scheme: dark)");

function storedTheme(): Theme | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === "light" || value === "dark" ? value : null;
  } catch {
    return null; // Storage can be disabled; the system preference still applies.
  }
}

function currentTheme(): Theme {
  return storedTheme() ?? (systemDark.matches ? "dark" : "light");
}

function apply(theme: Theme, remember: boolean): void {
  root.dataset.theme = theme;
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, theme);
    } catch {
      // The choice then lasts for this page only.
    }
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-theme-toggle]")) {
    button.setAttribute("aria-pressed", String(theme === "dark"));
    button.title = (theme === "dark" ? button.dataset.labelLight : button.dataset.labelDark) ?? "";
  }
  document.dispatchEvent(new CustomEvent("billet:themechange", { detail: { theme } }));
}

const initial = storedTheme();
if (initial) root.dataset.theme = initial;

systemDark.addEventListener("change", () => {
  if (!storedTheme()) apply(currentTheme(), false);
});

document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-theme-toggle]")) {
    button.hidden = false;
    button.addEventListener("click", () => apply(currentTheme() === "dark" ? "light" : "dark", true));
  }
  apply(currentTheme(), false);
});
