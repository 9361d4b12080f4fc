/**
 * JSX to HTML. jsx-async-runtime builds the elements (its `jsx` factory, its
 * types, its escaping); this renders them.
 *
 * jsx-async-runtime's own `jsxToString` awaits every node, which costs a
 * promise per element: thousands per page, millions for a large blog. Billet's
 * components are synchronous, so they are rendered in one synchronous pass,
 * with the same output; a tree holding an async component falls back to
 * `jsxToString`. (test/unit/render.test.ts compares both.)
 */
import { escapeEntities, jsxToString } from "jsx-async-runtime";

const VOID_TAGS = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);

/** Thrown inside the synchronous pass when a component returned a promise. */
const NEEDS_ASYNC = Symbol("needs async rendering");

interface TagElement {
  type: "tag";
  tag: string | ((props: Record<string, unknown>) => JSX.Element);
  props: Record<string, unknown> & { children?: unknown };
}

export function renderToString(element: JSX.Element): string | Promise<string> {
  // Pieces are collected and joined once: the page is one flat string from
  // the start instead of a rope of thousands of concatenations, which the
  // garbage collector would have copied along until the page is written.
  const out: string[] = [];
  try {
    renderSync(element, out);
  } catch (error) {
    if (error === NEEDS_ASYNC) return jsxToString.call({}, element);
    throw error;
  }
  return out.join("");
}

function renderSync(node: unknown, out: string[]): void {
  switch (typeof node) {
    case "string":
      out.push(escapeEntities(node));
      return;
    case "number":
    case "bigint":
      out.push(String(node));
      return;
    case "object":
      break;
    default:
      return;
  }
  if (node === null) return;
  // A signal caught by renderToString above, not an error: nothing to trace.
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  if (typeof (node as PromiseLike<unknown>).then === "function") throw NEEDS_ASYNC;
  if ("html" in node) {
    out.push((node as { html: string }).html);
    return;
  }
  if ((node as { type?: string }).type === "textNode") {
    out.push(escapeEntities((node as { text: string }).text));
    return;
  }
  const element = node as TagElement;
  if (typeof element.tag === "function") return renderSync(element.tag.call({}, element.props), out);
  if (typeof element.tag !== "string") return;
  const { tag, props } = element;
  const children = props.children;
  if (tag !== "") {
    const attributes = attributesToString(props);
    out.push(attributes ? `<${tag} ${attributes}>` : `<${tag}>`);
    if (VOID_TAGS.has(tag) && (children === undefined || (Array.isArray(children) && children.length === 0))) return;
  }
  if (Array.isArray(children)) for (const child of children) renderSync(child, out);
  else if (children !== undefined) renderSync(children, out);
  if (tag !== "") out.push(`</${tag}>`);
}

/** Attributes as jsx-async-runtime writes them. */
function attributesToString(props: Record<string, unknown>): string {
  let result = "";
  for (const key in props) {
    if (key === "children") continue;
    const value = props[key];
    let text: string;
    if (value === true) text = key;
    else if (value === false || value === null || value === undefined) continue;
    else if (typeof value === "object") {
      if (key === "style") {
        text = `style="${escapeEntities(
          Object.entries(value)
            .map(([k, v]) => `${k}: ${v}`)
            .join("; "),
        )}"`;
      } else if (key === "class") {
        const classes = Array.isArray(value)
          ? value.filter(Boolean)
          : Object.entries(value)
              .filter(([, on]) => on)
              .map(([name]) => name);
        if (classes.length === 0) continue;
        text = `class="${escapeEntities(classes.join(" "))}"`;
      } else {
        text = `${key}="${escapeEntities(JSON.stringify(value))}"`;
      }
    } else {
      // Any other value (a number, a function) is written as jsx-async-runtime writes it.
      // eslint-disable-next-line @typescript-eslint/no-base-to-string
      text = `${key}="${escapeEntities(String(value))}"`;
    }
    result += result ? ` ${text}` : text;
  }
  return result;
}
