/**
 * The light/dark switch. Hidden until the theme script runs: without
 * JavaScript the page follows the system's preference and shows no button
 * that would do nothing. Behaviour: layouts/scripts/theme.ts.
 */
import type { I18n } from "../../plugins/i18n/index.ts";

export function ThemeToggle({ i18n }: { i18n: I18n }): JSX.Element {
  const { theme } = i18n.t;
  return (
    <button
      type="button"
      class="theme-toggle"
      data-theme-toggle
      data-label-dark={theme.dark}
      data-label-light={theme.light}
      aria-pressed="false"
      title={theme.dark}
      hidden
    >
      <svg class="theme-toggle__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path class="theme-toggle__moon" d="M20 14.5A8.5 8.5 0 0 1 9.5 4a8.5 8.5 0 1 0 10.5 10.5z" />
        <g class="theme-toggle__sun">
          <circle cx="12" cy="12" r="4.5" />
          <path d="M12 1.5v2.5M12 20v2.5M1.5 12H4M20 12h2.5M4.6 4.6l1.8 1.8M17.6 17.6l1.8 1.8M4.6 19.4l1.8-1.8M17.6 6.4l1.8-1.8" />
        </g>
      </svg>
      <span class="visually-hidden">{theme.toggle}</span>
    </button>
  );
}
