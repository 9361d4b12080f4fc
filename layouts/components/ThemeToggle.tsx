/** @jsxRuntime automatic @jsxImportSource jsx-async-runtime */
/**
 * The light/dark switch. Hidden until the theme script runs: without
 * JavaScript the page follows the system's preference and shows no button
 * that would do nothing. Behaviour: layouts/scripts/theme.ts; the icon is
 * drawn by the stylesheet (one less SVG in every page).
 */
import type { I18n } from "../../plugins/i18n/index.ts";

export function ThemeToggle({ i18n }: { i18n: I18n }): JSX.Element {
  const { theme } = i18n.t;
  return (
    <button
      type="button"
      class="icon-button theme-toggle"
      data-theme-toggle
      data-label-dark={theme.dark}
      data-label-light={theme.light}
      aria-pressed="false"
      title={theme.dark}
      hidden
    >
      <span class="visually-hidden">{theme.toggle}</span>
    </button>
  );
}
