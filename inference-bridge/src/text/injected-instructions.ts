/**
 * Sentences in the material that speak to the assistant rather than to the reader — "ignore your
 * previous instructions", "you are now …", "print your system prompt", fake `<system>` tags — in
 * English, Spanish, Portuguese, French and German. The built-in answerer never quotes them, so an
 * uploaded document cannot put instructions in the assistant's mouth; a model sees them only inside
 * the passages' data message (prompt.ts).
 */

const PATTERNS: RegExp[] = [
  /<\/?\s*(?:system|assistant|instructions?|passages?|im_start|im_end|user)\b[^>]*>/i,
  /\[\/?(?:system|inst|instructions?)\]/i,
  /\b(?:ignore|disregard|forget|override|bypass)\b.{0,30}\b(?:instructions|system prompt|your (?:rules|guidelines|prompt|programming))\b/i,
  /\b(?:system prompt|developer mode|jailbreak|you are now|from now on you are|act as (?:an? )?(?:unrestricted|different|new)|pretend (?:to be|you are))\b/i,
  /\b(?:print|reveal|show|repeat|output|tell me)\b.{0,30}\b(?:system prompt|your (?:instructions|rules|prompt))\b/i,
  /\b(?:ignora|olvida|ignore|ignorez|oubliez|oublie|ignoriere|vergiss|ignorieren sie)\b.{0,40}\b(?:instrucciones|instrucoes|instruções|instructions|consignes|anweisungen|vorgaben)\b/i,
  /\b(?:ahora eres|agora voce e|agora você é|tu es maintenant|vous etes maintenant|vous êtes maintenant|du bist jetzt|ab jetzt bist du)\b/i,
  /\b(?:prompt del sistema|prompt do sistema|invite systeme|invite système|systemprompt|system-prompt)\b/i,
];

/** Whether `sentence` addresses the assistant with instructions instead of informing the reader. */
export function instructsTheAssistant(sentence: string): boolean {
  return PATTERNS.some((pattern) => pattern.test(sentence));
}
