/**
 * The XSL stylesheet that browsers apply to the Atom feeds: a person who
 * opens `/feed.xml` reads a page of the site (its stylesheet, its
 * language) that says what a feed is and how to follow it, then lists the
 * latest posts. Feed readers ignore it.
 *
 * XSLT 1.0, the version browsers implement. Dates are written from the
 * entries' ISO dates, with the month names of the site's language.
 */
import { Info } from "luxon";
import type { I18n } from "../i18n/index.ts";
import { ATOM_NAMESPACE } from "./atom.ts";
import { xml } from "./xml.ts";

export const STYLESHEET_PATH = "/feed.xsl";

/** An XSLT template that writes `$iso` (2025-06-18T…) as « 18 juin 2025 » / "June 18, 2025". */
function dateTemplate(i18n: I18n): string {
  const months = Info.months("long", { locale: i18n.t.locale });
  const choose = months.map((name, i) => `<xsl:when test="$month = ${i + 1}">${xml(name)}</xsl:when>`).join("");
  const day =
    i18n.language === "fr"
      ? `<xsl:choose><xsl:when test="$day = 1">1er</xsl:when><xsl:otherwise><xsl:value-of select="$day"/></xsl:otherwise></xsl:choose>`
      : `<xsl:value-of select="$day"/>`;
  const month = `<xsl:choose>${choose}</xsl:choose>`;
  const year = `<xsl:value-of select="substring($iso, 1, 4)"/>`;
  const text = (value: string) => `<xsl:text>${value}</xsl:text>`;
  const body =
    i18n.language === "fr"
      ? [day, text(" "), month, text(" "), year].join("")
      : [month, text(" "), day, text(", "), year].join("");
  return `<xsl:template name="date">
<xsl:param name="iso"/>
<xsl:variable name="month" select="number(substring($iso, 6, 2))"/>
<xsl:variable name="day" select="number(substring($iso, 9, 2))"/>
${body}
</xsl:template>`;
}

export function feedStylesheet(i18n: I18n, { stylesheet, icon }: { stylesheet: string; icon: string }): string {
  const t = i18n.t.feeds.page;
  const text = (value: string) => xml(i18n.typography(value));
  return `<?xml version="1.0" encoding="utf-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="${ATOM_NAMESPACE}" exclude-result-prefixes="atom">
<xsl:output method="html" encoding="utf-8" indent="no" doctype-system="about:legacy-compat"/>
<xsl:template match="/atom:feed">
<html lang="${xml(i18n.t.locale)}">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<meta name="robots" content="noindex"/>
<title><xsl:value-of select="atom:title"/> — ${text(t.badge)}</title>
<link rel="icon" href="${xml(icon)}"/>
<link rel="stylesheet" href="${xml(stylesheet)}"/>
</head>
<body>
<main id="contenu" class="feed-page">
<header class="list-header">
<p class="post__category">${text(t.badge)}</p>
<h1><xsl:value-of select="atom:title"/></h1>
<xsl:if test="atom:subtitle"><p class="list-header__intro"><xsl:value-of select="atom:subtitle"/></p></xsl:if>
<p>${text(t.intro)}</p>
<p>${text(t.howTo)}</p>
<p><a href="{atom:link[@rel='alternate' and @type='text/html']/@href}">${text(t.visit)}</a></p>
</header>
<section aria-labelledby="feed__latest">
<h2 id="feed__latest">${text(t.latest)}</h2>
<ol class="post-list">
<xsl:for-each select="atom:entry">
<li>
<article class="summary">
<h3 class="summary__title"><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h3>
<p class="summary__meta meta">
<time datetime="{atom:published}"><xsl:call-template name="date"><xsl:with-param name="iso" select="atom:published"/></xsl:call-template></time>
<xsl:if test="atom:category"><xsl:text> · </xsl:text><xsl:value-of select="atom:category[1]/@label"/></xsl:if>
</p>
<xsl:if test="atom:summary"><p class="summary__text"><xsl:value-of select="atom:summary"/></p></xsl:if>
</article>
</li>
</xsl:for-each>
</ol>
</section>
</main>
</body>
</html>
</xsl:template>
${dateTemplate(i18n)}
</xsl:stylesheet>
`;
}
