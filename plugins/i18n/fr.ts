import type { Dictionary } from "./dictionary.ts";

/** Interface strings in French. Plain spaces before « : ; ! ? » are fine: typography is applied at render. */
export const fr: Dictionary = {
  locale: "fr-FR",
  ogLocale: "fr_FR",
  skipLink: "Aller au contenu",
  mainNavigation: "Navigation principale",
  scrollableTable: "Tableau",
  // Hostile input (several tables in one text): the name of each when there are several.
  scrollableTableOf: "Tableau {index} sur {total}",
  home: "Accueil",
  theme: {
    toggle: "Thème sombre",
    dark: "Passer au thème sombre",
    light: "Passer au thème clair",
  },
  footer: {
    copyright: "© {year} {title}",
    poweredBy: "Publié avec Billet",
  },
  post: {
    publishedOn: "Publié le {date}",
    updatedOn: "mis à jour le {date}",
    readingTime: { one: "{count} min de lecture", other: "{count} min de lecture" },
    category: "Catégorie",
    tags: "Étiquettes",
    previous: "Billet précédent",
    next: "Billet suivant",
    neighbours: "Autres billets",
    publishedBy: "Publié par",
    draft: "Brouillon",
    scheduled: "Programmé",
    draftNote: "Ce billet est un brouillon : il n’apparaît que sur votre machine et ne sera pas publié.",
    scheduledNote: "Ce billet est programmé : il sera publié le {date}.",
  },
  lists: {
    latest: "Derniers billets",
    pageOf: "Page {page} sur {total}",
    newer: "Billets plus récents",
    older: "Billets plus anciens",
    pagination: "Pagination",
    postCount: { zero: "Aucun billet", one: "{count} billet", other: "{count} billets" },
    categoryTitle: "Catégorie : {name}",
    tagTitle: "Étiquette : {name}",
    allCategories: "Catégories",
    archiveTitle: "Archives",
    archiveIntro: {
      zero: "Aucun billet publié pour l’instant.",
      one: "{count} billet publié.",
      other: "{count} billets publiés, du plus récent au plus ancien.",
    },
    yearCount: { one: "{count} billet", other: "{count} billets" },
    noPosts: "Aucun billet pour l’instant.",
    readMore: "Lire la suite de « {title} »",
  },
  notFound: {
    title: "Page introuvable",
    text: "La page que vous cherchez n’existe pas, ou plus. Elle a peut-être changé d’adresse.",
    backHome: "Retour à l’accueil",
  },
  contactForm: {
    name: "Votre nom",
    email: "Votre adresse e-mail",
    message: "Votre message",
    send: "Envoyer",
    honeypot: "Ne remplissez pas ce champ si vous êtes humain :",
    required: "obligatoire",
  },
  comments: {
    heading: {
      zero: "Aucun commentaire pour l’instant",
      one: "{count} réflexion au sujet de « {title} »",
      other: "{count} réflexions au sujet de « {title} »",
    },
    count: { zero: "Aucun commentaire", one: "{count} commentaire", other: "{count} commentaires" },
    archived: "archivé",
    byPostAuthor: "a écrit ce billet",
    inReplyTo: "en réponse à {name}",
    deleted: "Ce commentaire a été supprimé.",
    minimized: "Ce commentaire a été masqué par la modération.",
    reactionNames: {
      THUMBS_UP: "pouce levé",
      THUMBS_DOWN: "pouce baissé",
      LAUGH: "rire",
      HOORAY: "hourra",
      CONFUSED: "perplexe",
      HEART: "cœur",
      ROCKET: "fusée",
      EYES: "regard",
    },
    upvotes: { one: "{count} vote", other: "{count} votes" },
    leave: "Laisser un commentaire",
    discussionOnGitHub: "Lire et commenter la discussion sur GitHub",
    commentOnGitHub: "Commenter sur GitHub",
    consent:
      "Les commentaires sont publiés sur GitHub et affichés par le service giscus : les afficher enverra une requête à GitHub et à giscus.app.",
    show: "Afficher les commentaires",
  },
  // Comments: replies from where a post was shared, sources, how to take part (plugins/comments).
  replies: {
    alsoOn: "Aussi publié sur {places}",
    sources: { github: "GitHub", mastodon: "Mastodon", bluesky: "Bluesky", linkedin: "LinkedIn" },
    via: "sur {source}",
    replyOn: "Répondre sur {source}",
    contentWarning: "Avertissement : {warning}",
    sensitiveImage: "image sensible",
    withWidget:
      "Pour écrire ici, connectez-vous avec votre compte GitHub dans le cadre ci-dessous : votre commentaire rejoint la discussion de ce billet sur GitHub.",
    onGitHub: "Les commentaires s’écrivent dans la discussion de ce billet sur GitHub, avec un compte GitHub.",
    startOnGitHub:
      "Personne n’a encore ouvert la discussion de ce billet sur GitHub : vous pouvez le faire, avec un compte GitHub.",
    discussionLink: "Lire et commenter la discussion sur GitHub",
    startLink: "Ouvrir la discussion sur GitHub",
    alsoShared:
      "Vous pouvez aussi répondre là où ce billet a été partagé : les réponses publiques s’affichent ici à la mise à jour suivante du site.",
    onlyShared:
      "Répondez là où ce billet a été partagé : les réponses publiques s’affichent ici à la mise à jour suivante du site.",
    widgetFailed:
      "Le cadre des commentaires n’a pas pu se charger. Vous pouvez lire et écrire les commentaires directement sur GitHub.",
  },
  pageTitle: {
    page: "page {page}",
  },
  share: {
    heading: "Partager cet article sur les réseaux sociaux",
    on: "Partager sur {network}",
    email: "Envoyer par e-mail",
    emailName: "E-mail",
    copy: "Copier le lien",
    copied: "Lien copié dans le presse-papiers.",
    copyFailed: "Impossible de copier le lien : copiez l’adresse depuis la barre du navigateur.",
    native: "Partager avec une autre application",
    nativeName: "Autres applications",
    mastodon: {
      title: "Partager sur Mastodon",
      label: "Votre instance Mastodon",
      hint: "L’adresse de votre serveur, par exemple mastodon.social ou piaille.fr. Elle sera retenue sur cet appareil.",
      invalid: "Cette adresse ne ressemble pas à un nom de serveur : écrivez par exemple mastodon.social.",
      submit: "Partager",
      cancel: "Annuler",
      change: "Changer d’instance ({instance})",
    },
  },
  social: {
    cardAlt: "{title} — {site}",
    siteCardAlt: "{site}",
  },
  feeds: {
    linkTitle: "{title} ({format})",
    categoryTitle: "{site} — {category}",
  },
  // Reader's side: the header's links, the « S'abonner » page, the home page's byline, the 404 page.
  header: {
    search: "Rechercher",
    subscribe: "S’abonner",
    follow: "Pour lire chaque nouveau billet dès sa parution : {link}.",
    followLink: "abonnez-vous au flux",
  },
  subscribe: {
    title: "S’abonner",
    intro:
      "Recevez chaque nouveau billet dans l’application de votre choix, sans compte, sans publicité et sans algorithme.",
    whatHeading: "Qu’est-ce qu’un flux ?",
    what: "Un flux est une adresse que le blog tient à jour : la liste de ses derniers billets, dans un format que lisent les lecteurs de flux (Feedly, Inoreader, NetNewsWire, Thunderbird…). Vous n’y laissez ni nom ni adresse e-mail, et vous vous désabonnez d’un clic.",
    how: "Copiez l’une des adresses ci-dessous et collez-la dans votre lecteur de flux, à l’endroit prévu pour ajouter un abonnement. Les nouveaux billets y arriveront d’eux-mêmes.",
    allHeading: "Tout le blog",
    allText: "Tous les billets, du plus récent au plus ancien.",
    categoriesHeading: "Par catégorie",
    categoriesText: "Si seul un sujet vous intéresse, abonnez-vous à sa catégorie.",
    addressOf: "Adresse du flux {format} : {title}",
    copy: "Copier",
    copied: "Copiée",
    copyFailed: "Sélectionnez l’adresse et copiez-la.",
  },
  byline: "Un carnet tenu par {name}",
  notFoundCode: "Erreur 404",
  // End of the reader's side.
  search: {
    title: "Rechercher",
    label: "Rechercher sur le site",
    intro: "Quelques mots suffisent : les billets et les pages qui en parlent s’affichent à mesure que vous tapez.",
    results: {
      zero: "Aucun résultat pour « {query} »",
      one: "{count} résultat pour « {query} »",
      other: "{count} résultats pour « {query} »",
    },
    searching: "Recherche en cours…",
    failed: "La recherche n’a pas pu se charger. Rechargez la page pour réessayer.",
    more: "Afficher plus de résultats",
    fallbackNote: "Votre navigateur n’exécute pas JavaScript : la recherche se fera sur {engine}, limitée à ce site.",
    needsJavaScript: "La recherche sur ce site a besoin de JavaScript, que votre navigateur n’exécute pas.",
  },
  // The author's preview (`npm start`, plugins/preview).
  preview: {
    title: "À corriger avant d’afficher le site",
    intro: {
      one: "Le contenu ou la configuration a un problème :",
      other: "Le contenu ou la configuration a {count} problèmes :",
    },
    next: "Corrigez puis enregistrez : cette page se met à jour d’elle-même et le site revient dès que tout est réglé. Les mêmes lignes s’affichent dans le terminal.",
    problems: {
      one: "Un problème ; les pages l’affichent tant qu’il n’est pas corrigé :",
      other: "{count} problèmes ; les pages les affichent tant qu’ils ne sont pas corrigés :",
    },
    fixed: "Corrigé : les pages sont de retour.",
    updated: "Mis à jour en {ms} ms",
    serving: "Aperçu sur {url} (Ctrl+C pour arrêter)",
  },
  // Front matter syntax (YAML)
  frontMatterSyntax: {
    unclosedDoubleQuote: 'le guillemet ouvert ici (") n’est jamais fermé ; fermez-le à la fin de la valeur',
    unclosedSingleQuote: "l’apostrophe ouverte ici (') n’est jamais fermée ; fermez-la à la fin de la valeur",
    textAfterDoubleQuote:
      'la valeur entre guillemets se termine au deuxième ", et du texte la suit sur la ligne ; entre guillemets, écrivez \\" pour un guillemet, ou mettez la valeur entre apostrophes',
    textAfterSingleQuote:
      "la valeur entre apostrophes se termine à la deuxième ', et du texte la suit sur la ligne ; entre apostrophes, doublez l’apostrophe (''), ou mettez la valeur entre guillemets",
    unclosedList: "le crochet [ ouvert ici n’est jamais fermé ; terminez la liste par ]",
    unclosedBraces: "l’accolade { ouverte ici n’est jamais fermée ; terminez la valeur par }",
    textAfterBracket:
      "la valeur se termine au {closing} de la colonne {column}, et du texte le suit sur la ligne ; retirez ce qui suit, ou mettez toute la valeur entre guillemets",
    tab: "une tabulation sert ici à indenter, et YAML n’accepte que des espaces ; indentez avec des espaces",
    duplicateKey: "la clé {key} apparaît ici une deuxième fois (la première à la ligne {first}) ; n’en gardez qu’une",
    duplicateKeyHere: "la clé {key} apparaît ici une deuxième fois ; n’en gardez qu’une",
    colonInValue:
      "la valeur de {key} contient un deux-points suivi d’une espace, que YAML lit comme le début d’une autre clé ; mettez la valeur entre guillemets : {fixed}",
    noSpaceAfterColon: "il manque une espace après le deux-points ; écrivez : {fixed}",
    noSpaceAfterDash: "il manque une espace après le tiret de cet élément de liste ; écrivez : {fixed}",
    listOnKeyLine:
      "une liste ne peut pas commencer sur la ligne de sa clé ; écrivez {fixed}, ou mettez chaque élément (- …) sur une ligne à lui sous {key}:",
    reservedStart:
      "la valeur de {key} commence par {char}, un signe que YAML lit comme une instruction ; mettez la valeur entre guillemets : {fixed}",
    backslash:
      "entre guillemets, une barre oblique inverse commence une séquence spéciale comme \\n ; écrivez \\\\ pour une barre oblique inverse, ou mettez la valeur entre apostrophes",
    controlCharacter:
      "cette ligne contient un caractère de contrôle invisible, que YAML refuse ; supprimez-le (retaper la ligne suffit)",
    withoutKey:
      "cette ligne n’a pas de clé ; si elle continue la valeur de {key} (ligne {line}), indentez-la sous cette valeur, sinon écrivez-la sous la forme clé: valeur",
    withoutKeyFirst: "cette ligne n’a pas de clé ; écrivez-la sous la forme clé: valeur",
    indentDeeper:
      "cette ligne est plus indentée que {key} (ligne {line}), qui a déjà sa valeur ; commencez-la dans la même colonne que les clés qui vont avec elle",
    indentMismatch:
      "l’indentation de cette ligne ne correspond à aucune des lignes au-dessus ; commencez-la dans la même colonne que les clés qui vont avec elle",
    neverClosed:
      "l’en-tête ouvert ici par --- n’est jamais fermé ; ajoutez une ligne contenant seulement --- après son dernier champ",
    neverClosedBody:
      "l’en-tête ouvert par --- à la ligne {open} n’est jamais fermé : cette ligne et les suivantes sont lues comme de l’en-tête ; ajoutez une ligne contenant seulement --- juste avant celle-ci",
    closedLate:
      "l’en-tête ouvert par --- à la ligne {open} ne se ferme qu’à la ligne {close} : cette ligne est lue comme de l’en-tête ; ajoutez une ligne contenant seulement --- juste avant celle-ci",
    notMapping: "l’en-tête n’est pas une liste de lignes clé: valeur ; écrivez chaque champ sous la forme clé: valeur",
    aliases: "les alias (*nom) d’ici représentent plus de {max} valeurs ; écrivez les valeurs en entier",
    unreadable:
      "YAML ne peut pas lire cette ligne ; vérifiez son indentation, ses guillemets et ses crochets, et qu’elle a la forme clé: valeur",
  },
};
