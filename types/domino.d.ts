/**
 * The HTML parser turndown uses in Node (a DOM without a browser). Its own
 * declaration names the module "domino"; this one names the package as it
 * is installed. https://github.com/mixmark-io/domino
 */
declare module "@mixmark-io/domino" {
  export function createDocument(html?: string, force?: boolean): Document;
  const domino: { createDocument: typeof createDocument };
  export default domino;
}
