// Spanish crisis patterns (normalised: no accents, so "daño" is "dano" and "sí" is "si").
import type { LanguagePatterns } from "./types";

const PARTNER = String.raw`(?:mi (?:marido|esposo|esposa|mujer|pareja|novio|novia|padre|papa|madre|mama|padrastro|madrastra|ex|hermano|hermana|tio|jefe|hijo|hija))`;

export const spanish: LanguagePatterns = {
  language: "es",
  kinds: {
    self_harm: [
      /\b(?:quiero|quisiera|me quiero|tengo ganas de|pienso en|he pensado en|estoy pensando en|pensando en|voy a|prefiero|solo quiero|ganas de) (?:morir(?:me)?|matarme|suicidarme|quitarme la vida|desaparecer para siempre|acabar con (?:todo|mi vida)|dejar de existir|no despertar|dormir y no despertar)\b/,
      /\bme quiero (?:morir|matar|suicidar)\b/,
      /\bme voy a (?:matar|suicidar|quitar la vida)\b/,
      /\b(?:matarme|suicidarme|quitarme la vida)\b/,
      /\b(?:me las tomo|tomarmelas|me voy a tomar) todas\b/,
      /\b(?:esto es|este mensaje es) una despedida\b|\bya no (?:voy a estar|estare)\b/,
      /\bno quiero (?:seguir )?(?:vivir|viviendo|existir|estar aqui|seguir aqui|despertar(?:me)? (?:nunca|mas|manana))\b/,
      /\bno quiero (?:seguir|vivir) (?:mas|asi nunca mas)\b/,
      /\b(?:pensamientos|ideas) (?:suicidas|de suicidio|de matarme|de quitarme la vida)\b/,
      /\b(?:estarian|estaria|estarias|vivirian|serian) (?:todos )?(?:mejor|mas felices) sin mi\b/,
      /\bno (?:tiene|le veo|le encuentro) (?:ningun )?sentido (?:a )?(?:vivir|la vida|seguir|seguir viviendo|mi vida)\b/,
      /\b(?:me corto|cortarme|me he cortado|me hago dano|hacerme dano|lastimarme|me lastimo|autolesion\w*)\b/,
      /\bojala (?:no despertara|no despertar|me muriera|estuviera muert[oa]|no hubiera nacido)\b/,
      /\b(?:tome|me tome|he tomado|me he tomado|trague) (?:muchas|todas las|todas mis|un monton de|demasiadas|una caja de|un bote de) (?:pastillas|pildoras|medicinas|medicamentos|somniferos)\b/,
      /\b(?:guardando|juntando|acumulando|ahorrando) (?:las |mis |unas )?(?:pastillas|pildoras|medicinas|somniferos)\b/,
      /\bno aguanto (?:mas )?(?:esta vida|vivir|la vida|mi vida)\b/,
      /\b(?:me volvi a cortar|volvi a cortarme|me corte|me he vuelto a cortar)\b/,
      /\bojala no despertar\w*\b/,
      /\b(?:tirarme|lanzarme|aventarme|arrojarme|saltar) (?:del|de un|de una|de la|por la|al|desde el) (?:balcon|puente|edificio|tren|metro|ventana|azotea|techo)\b/,
      /\b(?:me quiero|quiero|quisiera) desaparecer\b/,
      /\b(?:esta es|este es) mi (?:despedida|ultimo mensaje)\b/,
      /\bya no (?:quiero|aguanto|puedo) (?:mas )?(?:vivir|seguir viviendo)\b/,
    ],
    harm_to_others: [
      /\b(?:voy a|quiero|tengo ganas de|ganas de|podria|me dan ganas de) (?:matar(?:lo|la|los)?|hacerle dano|hacerles dano|apunalar(?:lo|la)?|pegarle un tiro|pegarle a mi (?:hijo|hija|bebe|nino|nina))\b(?! (?:de|del) (?:hambre|risa|aburrimiento))/,
      /\b(?:matar|hacer dano|lastimar) a (?:alguien|mi (?:hijo|hija|bebe|pareja|marido|mujer|jefe|vecino))\b/,
      /\bmiedo de (?:hacerle dano|lastimar) a (?:mi|alguien)\b/,
      /\b(?:navaja|cuchillo|pistola|arma|escopeta)\b.*\b(?:esta noche|manana|se va a enterar|va a pagar|me las paga|lo mato|la mato)\b/,
      /\b(?:lo|la|los) (?:voy a )?mato\b/,
      /\b(?:esta noche|manana|se va a enterar|va a pagar|me las paga)\b.*\b(?:navaja|cuchillo|pistola|arma|escopeta)\b/,
    ],
    abuse: [
      /\b(?:me pega|me pego|me golpea|me golpeo|me pegan|me maltrata|me maltrato|me viola|me violo|me amenaza|me amenazo|abusa de mi|abuso de mi|abusaron de mi|me ahorca|me empuja|me empujo)\b/,
      new RegExp(
        String.raw`\b${PARTNER} me (?:pega|pego|golpea|golpeo|maltrata|amenaza|grita y pega)\b`,
      ),
      /\bmiedo (?:de|a) (?:volver|ir|regresar) a (?:casa|mi casa)\b/,
      /\bno me siento (?:segur[oa]|a salvo) (?:en (?:casa|mi casa)|con (?:el|ella|mi \w+))\b/,
      /\bme (?:violaron|agredieron|golpearon|pegaron|encerro|encierra|encierran|toca cuando|toca por las noches)\b/,
      /\b(?:me va a matar|me matara|me mataria|va a matarme|amenaza con matarme|amenazo con matarme)\b/,
    ],
    medical_emergency: [
      /\bno (?:puedo|puede) respirar\b|\bno (?:se|sé) si respira\b|\b(?:apenas|casi no) respira\b/,
      /\b(?:desmayado|desmayada|desmayo|inconsciente)\b.*\bno (?:responde|reacciona|despierta)\b/,
      /\b(?:tomado|tome|trague) (?:una caja entera|un bote entero|un blister entero|todas las pastillas|\d+ pastillas)\b/,
      /\b(?:nino|nina|hijo|hija|bebe|crio|cria)\b.*\b(?:se ha tragado|se trago|trago|se bebio|bebio|se ha bebido)\b/,
      /\blabios (?:morados|azules)\b/,
      /\bdolor (?:en el|de|del) pecho\b.*\b(?:brazo|respirar|sudor|sudando|mareo|mareado|mandibula)\b/,
      /\b(?:sobredosis)\b/,
      /\b(?:no despierta|no respira|dejo de respirar|no reacciona|inconsciente)\b/,
      /\b(?:sangra|sangrando) (?:mucho|muchisimo|sin parar)\b|\bno (?:para|deja) de sangrar\b/,
      /\bse me (?:cierra|esta cerrando|hincha) la garganta\b|\bgarganta (?:se (?:me )?cierra|hinchada)\b/,
      /\b(?:cara|boca) (?:caida|torcida|se le cae)\b/,
      /\b(?:esta teniendo|le esta dando|me esta dando|tiene) (?:un |una )?(?:infarto|ataque al corazon|derrame|convulsion|convulsiones)\b/,
      /\b(?:se le|se me) (?:torcio|cayo|cae|tuerce|esta cayendo) (?:la )?(?:cara|boca)\b|\bno le salen las palabras\b/,
    ],
  },
  negators: /\b(?:no|nunca|jamas|ni|tampoco)\b/,
  hyperbole:
    /\b(?:jaja\w*|jeje\w*|xd|broma|bromeando|es un decir|de risa|de hambre|del aburrimiento|de aburrimiento)\b/,
  conditional: /\bsi (?:me|tengo|como|veo|hago|vuelvo|pierdo|el|ella|otra|vuelve|tengo que)\b/,
  leaving:
    /\bsi (?:(?:lo|la|le) )?(?:dejo|dejara|cuento|contara|denuncio|me voy|me fuera|llamo a la policia|digo algo|hablo)\b/,
};
