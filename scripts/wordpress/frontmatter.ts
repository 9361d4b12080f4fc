/**
 * The Markdown files the import writes: front matter as Billet's schemas
 * accept it (written with js-yaml, dates kept as strings), then the body.
 */
import yaml from "js-yaml";

export interface PostFields {
  title: string;
  date: string;
  updated?: string;
  slug: string;
  category: string;
  tags?: string[];
  description?: string;
  author?: string;
  draft?: true;
  image?: string;
  imageAlt?: string;
}

export interface PageFields {
  title: string;
  description?: string;
  slug?: string;
  permalink?: string;
  updated?: string;
  draft?: true;
}

/** Front matter without the empty fields, in the order above. */
export function cleanFields<T extends object>(fields: T): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).filter(
      ([, value]) => value !== undefined && value !== "" && !(Array.isArray(value) && value.length === 0),
    ),
  );
}

export function frontMatterYaml(fields: Record<string, unknown>): string {
  return yaml.dump(fields, { schema: yaml.CORE_SCHEMA, lineWidth: -1, flowLevel: 1, quotingType: '"' });
}

export function markdownFile(fields: Record<string, unknown>, body: string): string {
  return `---\n${frontMatterYaml(fields)}---\n\n${body.trim()}\n`;
}
