// French crisis patterns (normalised: "j'ai" is "jai", "d'en" is "den", "être" is "etre").
import type { LanguagePatterns } from "./types";

export const french: LanguagePatterns = {
  language: "fr",
  kinds: {
    self_harm: [
      /\b(?:je veux|jai envie de|jai envie d|je vais|je pense a|jai pense a|je songe a|envie de|je voudrais|je prefererais) ?(?:mourir|me tuer|me suicider|en finir|disparaitre pour toujours|mettre fin a (?:mes jours|ma vie)|ne plus me reveiller|dormir pour toujours)\b/,
      /\b(?:veux|envie d|envie de|vais|voudrais) ?en finir\b/,
      /\bje (?:ne )?veux plus (?:vivre|exister|etre la|me reveiller)\b/,
      /\b(?:nai|ai|jai) plus (?:envie|la force|aucune envie) de vivre\b/,
      /\bme (?:tuer|suicider)\b/,
      /\bscarifi\w*\b/,
      /\b(?:mis|mets|garde|gardes|accumule) (?:des |mes |les )?(?:medocs|medicaments|cachets|comprimes) de cote\b/,
      /\b(?:plus jamais|ne jamais|ne plus|jamais) me reveiller\b/,
      /\bpont\b.*\bsauter\b|\bsauter (?:du|dun|de la|par la) (?:pont|toit|fenetre|balcon|immeuble)\b/,
      /\b(?:je serai|jserai|je ne serai|je serais) plus la\b/,
      /\b(?:je pense|jy pense|je songe|pense|pensees|idee|idees) (?:au|du|de|a) suicide\b/,
      /\b(?:seraient|serait|serais|seront|vivraient) (?:tous )?(?:mieux|plus heureux) sans moi\b/,
      /\b(?:me faire du mal|me scarifier|je me scarifie|je me coupe|me couper les|me mutiler|automutil\w*)\b/,
      /\b(?:idees|pensees) (?:noires|suicidaires|de suicide|de mort)\b/,
      /\bjai (?:pris|avale) (?:trop de|tous mes|toutes mes|toute la boite de|toute une boite de|une boite de|plein de|tous les) (?:medicaments|cachets|comprimes|pilules|somniferes)\b/,
      /\b(?:plus aucune|aucune|plus de) raison de vivre\b/,
      /\bla vie (?:na plus de sens|ne vaut plus|ne vaut pas la peine)\b/,
      /\b(?:cest|ceci est) mon (?:dernier message|adieu)\b/,
    ],
    harm_to_others: [
      /\b(?:je vais|jai envie de|je veux|je pourrais) (?:le|la|les|l) ?(?:tuer|buter|poignarder|etrangler)\b/,
      /\b(?:je vais|je veux|jai envie de) (?:tuer|faire du mal a|blesser) (?:quelquun|mon|ma|mes)\b/,
      /\bpeur de (?:faire du mal a|blesser) (?:mon|ma|mes|quelquun)\b/,
      /\b(?:couteau|arme|flingue|pistolet|fusil)\b.*\b(?:va payer|demain|ce soir|je vais le|le tuer|la tuer)\b/,
      /\bje (?:le|la|les) tue\b/,
      /\b(?:frapper|secouer|faire du mal a) (?:ma fille|mon fils|mon bebe|mon enfant|mes enfants)\b/,
    ],
    abuse: [
      /\b(?:il|elle|mon mari|ma femme|mon copain|ma copine|mon conjoint|ma conjointe|mon pere|ma mere|mon compagnon|ma compagne|mon beau pere|mon ex) (?:me|ma|m) ?(?:frappe|frappee|bat|battu|battue|menace|menacee|viole|violee|etrangle|etranglee|pousse|poussee|agresse|agressee|tape|tapee|gifle|giflee)\b/,
      /\b(?:ma|m a|mont|il ma|elle ma) (?:frappe|frappee|battu|battue|violee|viole|agresse|agressee|etranglee|gifle|giflee)\b/,
      /\b(?:il|elle) (?:va|voulait|veut|menace de|a menace de) me tuer\b|\bme tuer(?:ait|a) si\b/,
      /\b(?:jai ete|je suis) (?:frappee?|battue?|violee?|agressee?|abusee?|maltraitee?)\b/,
      /\b(?:serre|serrait|serrer) (?:le|mon) cou\b/,
      /\bpeur de rentrer (?:a la maison|chez moi)\b/,
      /\bje ne me sens pas en securite (?:a la maison|chez moi|avec (?:lui|elle|mon|ma))\b/,
      /\b(?:menace|menacee) de (?:me tuer|me frapper|me faire du mal)\b/,
    ],
    medical_emergency: [
      /\b(?:narrive|narrivons|arrive|peux|peut|parviens) (?:pas|plus) a respirer\b|\b(?:je ne peux|je peux) (?:pas|plus) respirer\b/,
      /\bdouleur\b.{0,30}\b(?:poitrine|thoracique)\b.*\b(?:bras|respir\w*|sueur|transpire|vertige|machoire|engourdi\w*)\b/,
      /\b(?:visage|gorge|levres|langue) (?:qui )?gonfle\b.*\brespire\b|\brespire (?:tres )?mal\b/,
      /\b(?:fait|pris|fais) une (?:surdose|overdose)\b|\bsurdose\b/,
      /\b(?:ne respire plus|ne respire pas|respire presque plus|respire plus|ne se reveille pas|ne reagit plus|reagit pas|inconscient|inconsciente)\b/,
      /\blevres (?:bleues|violettes)\b/,
      /\b(?:arrive|narrive) plus (?:bien )?a respirer\b/,
      /\bsaigne (?:beaucoup|enormement|sans arret)\b|\b(?:saignement|sang) qui ne sarrete pas\b/,
      /\bgorge (?:qui gonfle|gonfle|gonflee|qui se ferme|se ferme)\b/,
      /\b(?:fait|est en train de faire|fais) (?:une |un )?(?:crise cardiaque|infarctus|avc|crise depilepsie)\b/,
    ],
  },
  negators: /\b(?:ne|pas|jamais|aucun|aucune|nullement)\b/,
  hyperbole:
    /\b(?:mdr|ptdr|lol|haha\w*|je rigole|je plaisante|pour rire|cest une facon de parler)\b/,
  conditional: /\bsi (?:je|il|elle|on|jen|jai|tu|encore)\b/,
  leaving:
    /\bsi je (?:(?:le|la) )?(?:quitte|quittais|partais|pars|parle|le dis|dis|porte plainte|appelle la police)\b/,
};
