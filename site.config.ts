/**
 * Your blog, in one file. Every field is documented where it is declared
 * (hover it in your editor); anything left out gets a sensible default.
 */
import { defineSiteConfig } from "./plugins/config/site.ts";

export default defineSiteConfig({
  title: "Élise Marchal",
  description: "Carnet d’une consultante en médias sociaux, à Strasbourg",
  // Left out, Netlify's URL variable is used (then http://localhost:8080).
  url: process.env.URL ?? "https://elise-marchal.example",
  language: "fr",
  timeZone: "Europe/Paris",

  authors: {
    elise: {
      name: "Élise Marchal",
      bio:
        "Consultante indépendante en médias sociaux depuis une douzaine d’années, je vis et travaille à Strasbourg. " +
        "J’enseigne la communication numérique à l’Université de Strasbourg et à l’Université de Haute-Alsace. " +
        "Le reste du temps, je randonne dans les Vosges et je fais du pain au levain.",
      avatar: "/images/elise-marchal.svg",
      github: "elise-marchal",
      // Named as the author of shared links on Mastodon (fediverse:creator).
      fediverse: "@elise@piaille.example",
      // Her profiles elsewhere, for search engines: profiles: ["https://www.linkedin.com/in/…"],
      links: [
        { label: "Mes prestations", url: "/prestations/" },
        { label: "Mon approche", url: "/approche/" },
        { label: "Me contacter", url: "/contact/" },
      ],
    },
  },

  navigation: [
    { label: "Billets", url: "/" },
    { label: "Archives", url: "/archives/" },
    { label: "Prestations", url: "/prestations/" },
    { label: "Approche", url: "/approche/" },
    { label: "Contact", url: "/contact/" },
  ],

  categories: {
    opinion: { name: "Opinion", description: "Des prises de position, argumentées et discutables." },
    strategie: { name: "Stratégie", description: "Construire une présence en ligne qui sert vraiment un projet." },
    pratique: { name: "Pratique", description: "Méthodes, outils et retours d’expérience pour le quotidien." },
    enseignement: { name: "Enseignement", description: "Ce que j’apprends en enseignant la communication numérique." },
  },

  // Comments live in GitHub Discussions, shown by giscus. Install the giscus
  // app on the repository, then copy the two ids from https://giscus.app
  // (or set GISCUS_REPO_ID and GISCUS_CATEGORY_ID in Netlify's settings).
  // While they are empty, posts show their archived comments and no widget.
  comments: {
    repo: "elise-marchal/carnet",
    repoId: "",
    category: "Commentaires",
    categoryId: "",
    mapping: "specific",
    strict: true,
    reactions: true,
    inputPosition: "bottom",
    loading: "lazy",
    themes: { light: "light", dark: "dark" },
  },

  postsPerPage: 10,
  // The share block under each post, in this order ([] removes it).
  share: ["linkedin", "x", "facebook", "bluesky", "mastodon", "whatsapp", "email", "copy", "native"],
  footer: "Textes sous licence CC BY-SA 4.0.",
});
