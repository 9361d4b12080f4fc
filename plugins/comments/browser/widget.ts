/**
 * The giscus web component (`<giscus-widget>`, from the giscus package, with
 * Lit), bundled into one module served from the site itself. Imported by
 * loader.ts only when the reader reaches the comments (or agrees to load
 * them); importing it defines the element.
 */
import "giscus";
