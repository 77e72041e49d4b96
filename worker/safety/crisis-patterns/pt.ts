// Portuguese crisis patterns, Brazilian and European (normalised: "não" is "nao", "você" is "voce").
import type { LanguagePatterns } from "./types";

export const portuguese: LanguagePatterns = {
  language: "pt",
  kinds: {
    self_harm: [
      /\b(?:quero|queria|vou|penso em|pensei em|estou pensando em|to pensando em|tou a pensar em|estou a pensar em|tenho vontade de|so quero|prefiro|da vontade de) (?:morrer|me matar|matar me|suicidar|me suicidar|suicidar me|sumir para sempre|sumir pra sempre|acabar com (?:tudo|a minha vida|minha vida)|tirar (?:a )?(?:minha )?(?:propria )?vida|desaparecer para sempre|dormir e nao acordar|nao acordar mais)\b/,
      /\bnao (?:quero|aguento|consigo|tenho vontade de) (?:mais )?(?:viver|continuar vivendo|continuar a viver|existir|estar aqui|acordar (?:mais|amanha))\b/,
      /\b(?:estariam|ficariam|seriam|vivem|viveriam) (?:todos )?(?:melhor|mais felizes) sem mim\b/,
      /\b(?:me cortar|me corto|me cortei|me machucar|me machuco|me ferir|me mutilar|automutila\w*|autolesao)\b/,
      /\bpensamentos (?:suicidas|de morte|de me matar)\b/,
      /\b(?:tomei|engoli|tomei todos os|tomei uma caixa de) (?:muitos|todos os|varios|uma caixa de|uma cartela de|um monte de)? ?(?:comprimidos|remedios|pilulas|calmantes)\b(?! (?:para|pra|pro) (?:dor|cabeca|gripe))/,
      /\b(?:nao vejo|perdi o|sem) sentido (?:em viver|na vida|de viver|em continuar)\b/,
      /\b(?:esta e|essa e|isto e|isso e) a minha despedida\b/,
      /\bcansad[oa] de viver\b/,
      /\bme matar\b|\bmatar me\b|\bme suicidar\b/,
      /\b(?:nunca mais|nao) acordar\b.*\b(?:morrer|mort[oa])\b|\bqueria estar mort[oa]\b|\bdormir e nunca mais acordar\b/,
      /\b(?:quero|queria|vou) sumir\b|\bninguem (?:ia|vai|iria) sentir (?:a )?minha falta\b/,
      /\b(?:juntando|guardando|a juntar|a guardar) (?:os |uns |meus |todos os )?(?:remedios|comprimidos|pilulas|calmantes)\b/,
      /\bmelhor sem mim\b/,
      /\bpor fim (?:a|na|em) (?:minha )?vida\b/,
      /\bnao (?:quero|aguento) (?:mais )?(?:ca|aqui) estar\b|\bnao vou (?:estar|ficar) (?:ca|aqui) (?:para|pra|amanha)\b/,
      /\b(?:pular|saltar|me jogar|atirar me|me atirar) (?:da|de uma|do|de um|na frente do) (?:ponte|janela|predio|varanda|prédio|comboio|trem|metro)\b/,
    ],
    harm_to_others: [
      /\b(?:vou|quero|tenho vontade de|vontade de|posso|eu podia) (?:matar|machucar|esfaquear|dar um tiro n) ?(?:ele|ela|eles|alguem|o meu|a minha|meu|minha|o|a)\b(?! (?:de|com) (?:fome|saudade|rir|beijos))/,
      /\bvou mata (?:lo|la|los)\b/,
      /\beu mato (?:ele|ela|eles|esse|essa|aquele|aquela|o \w+|a \w+)\b/,
      /\b(?:faca|arma|revolver|pistola|canivete)\b.*\b(?:amanha|hoje a noite|vai pagar|vou atras|nao sei se paro|mata lo|matar)\b/,
      /\bmedo de (?:machucar|fazer mal a|ferir) (?:meu|minha|o meu|a minha|alguem)\b/,
    ],
    abuse: [
      /\b(?:me bate|me bateu|me agride|me agrediu|me espanca|me espancou|me ameaca|me ameacou|me estuprou|me violou|abusou de mim|abusa de mim|me violentou|me enforca|me empurrou|bate em mim|bateu em mim)\b/,
      /\bmedo de (?:voltar|ir) (?:para|pra|a) casa\b/,
      /\bameac\w* (?:de )?(?:me )?matar\b|\bameac\w* matar me\b|\bvai me matar\b|\bme mata se\b/,
      /\bbate (?:em mim|na minha mae|nos meus filhos|na gente)\b|\bem mim quando bebe\b/,
      /\bnao me sinto segur[ao] (?:em casa|com (?:ele|ela|o meu|a minha|meu|minha))\b/,
      /\b(?:fui|estou a ser|estou sendo) (?:agredid[ao]|abusad[ao]|violentad[ao]|estuprad[ao]|espancad[ao])\b/,
    ],
    medical_emergency: [
      /\bnao (?:consigo|consegue) respirar\b/,
      /\bdor\b.{0,30}\bpeito\b.*\b(?:braco|respirar|falta de ar|suor|suando|tontura|tonto|mandibula)\b/,
      /\btomei (?:a|uma) (?:caixa|cartela|embalagem) (?:inteira )?de\b/,
      /\b(?:filho|filha|bebe|crianca|menino|menina)\b.*\b(?:engoliu|bebeu|tomou)\b.*\b(?:comprimidos|remedios|pilulas|lixivia|agua sanitaria|veneno|produto)\b/,
      /\blabios (?:roxos|azuis)\b/,
      /\bum lado do corpo\b|\b(?:fala|falar|falando|a falar) (?:tudo )?enrolad\w*\b/,
      /\b(?:tive|tomei|fiz|teve|tomou) (?:uma )?overdose\b/,
      /\b(?:nao acorda|nao respira|parou de respirar|desmaiou e nao|inconsciente)\b/,
      /\b(?:sangrando|a sangrar) (?:muito|sem parar)\b|\bnao para de sangrar\b/,
      /\bgarganta (?:fechando|a fechar|inchada|inchando)\b/,
      /\b(?:esta tendo|ta tendo|esta a ter|teve agora) (?:um |uma )?(?:infarto|ataque cardiaco|avc|derrame|convulsao)\b/,
    ],
  },
  negators: /\b(?:nao|nunca|jamais|nem)\b/,
  hyperbole:
    /\b(?:kkk\w*|haha\w*|rs|rsrs\w*|brincadeira|brincando|a brincar|modo de dizer|de fome|de saudade|de rir)\b/,
  conditional: /\bse (?:eu|ele|ela|me|tiver|comer|vir|perder|mais)\b/,
  leaving:
    /\bse eu (?:(?:o|a) )?(?:deixar|contar|denunciar|for embora|terminar|acabar com (?:ele|ela)|chamar a policia|falar)\b/,
};
