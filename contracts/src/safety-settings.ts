// What a workspace sets for the duty of care: its own crisis resources, named in the fixed reply to a
// message in a crisis before the built-in helplines, and the kinds of personal data masked in what the
// model is sent. Shared by the edge's routes, the conversation rooms and the dashboard.
import { z } from "zod";

/** The languages the crisis detector reads, and so the languages a crisis reply is written in. */
export const CRISIS_LANGUAGES = ["en", "es", "pt", "fr", "de"] as const;
export type CrisisLanguage = (typeof CRISIS_LANGUAGES)[number];

/** What a message in a crisis may be about; each has its own wording and lines. */
export const CRISIS_KINDS = ["self_harm", "harm_to_others", "abuse", "medical_emergency"] as const;
export type CrisisKind = (typeof CRISIS_KINDS)[number];

/** Most resources a workspace may list: a reply names only a few, and the list stays reviewable. */
export const MAX_CRISIS_RESOURCES = 30;

/** Digits with the usual separators, optionally in international form: "988", "+44 116 123", "0800 111 0 111". */
const PHONE = /^\+?\d[\d ().-]{0,22}\d$/;

const CrisisLanguageSchema = z.enum(CRISIS_LANGUAGES, {
  error:
    "language is one of en, es, pt, fr or de; leave it out to name the resource in every language.",
});

/** One service a person in a crisis can reach: a phone number, a web address or a short instruction. */
export const CrisisResourceSchema = z
  .strictObject({
    country: z
      .string()
      .regex(
        /^(?:[A-Z]{2}|\*)$/,
        'country is a two-letter ISO 3166-1 code in capitals ("US", "DE"), or "*" for everyone.',
      ),
    language: CrisisLanguageSchema.optional(),
    name: z.string().trim().min(1, "name is required.").max(80, "name is at most 80 characters."),
    phone: z
      .string()
      .trim()
      .regex(PHONE, 'phone is a number of digits with spaces or dashes, such as "+44 116 123".')
      .optional(),
    url: z
      .url({ protocol: /^https$/, error: "url is a full https:// address." })
      .max(300, "url is at most 300 characters.")
      .optional(),
    text: z
      .string()
      .trim()
      .min(1)
      .max(160, "text is at most 160 characters: one short instruction.")
      .optional(),
  })
  .refine((resource) => resource.phone || resource.url || resource.text, {
    message:
      "Give a phone number, a web address or a short text, so the person can reach the service.",
    path: ["phone"],
  });
export type CrisisResource = z.infer<typeof CrisisResourceSchema>;

/** `PUT /safety/crisis-resources`: the whole list (replaced) and an optional introduction per language. */
export const CrisisResourcesSchema = z.strictObject({
  resources: z
    .array(CrisisResourceSchema)
    .max(MAX_CRISIS_RESOURCES, `At most ${MAX_CRISIS_RESOURCES} resources.`)
    .describe(
      'Named in the reply to a message in a crisis, up to three: the person\'s country before "*", their language before every language, then in this order.',
    ),
  intro: z
    .partialRecord(
      CrisisLanguageSchema,
      z.string().trim().min(1).max(200, "An introduction is at most 200 characters."),
    )
    .default({})
    .describe(
      'The sentence before the resources in each language; "Your coach recommends:" and its translations when left out.',
    ),
});
export type CrisisResources = z.infer<typeof CrisisResourcesSchema>;

/**
 * `POST /safety/crisis-resources/preview`: the reply a person would get with these resources (saved or
 * not), writing in `language` from `country` (null: unknown, as on the web and Telegram).
 */
export const CrisisReplyPreviewSchema = CrisisResourcesSchema.extend({
  country: z
    .string()
    .regex(
      /^[A-Z]{2}$/,
      'country is a two-letter ISO 3166-1 code in capitals ("US", "DE"), or null.',
    )
    .nullable()
    .default(null),
  language: CrisisLanguageSchema.default("en"),
  kind: z.enum(CRISIS_KINDS).default("self_harm"),
});

/** The crisis resources of a workspace that has configured none: the built-in helplines serve alone. */
export const NO_CRISIS_RESOURCES: CrisisResources = { resources: [], intro: {} };

/** What is masked in the question and history sent to the model; left out, a kind takes its default. */
export const ModelRedactionSchema = z.strictObject({
  payment: z.boolean().default(true).describe("Card numbers and IBANs."),
  email: z.boolean().default(false).describe("E-mail addresses."),
  phone: z.boolean().default(false).describe("Phone numbers."),
  address: z.boolean().default(false).describe("Street addresses."),
});
export type ModelRedaction = z.infer<typeof ModelRedactionSchema>;

/** Card numbers and IBANs only: no coaching answer needs them, and a model's host keeps what it is sent. */
export const DEFAULT_MODEL_REDACTION: ModelRedaction = ModelRedactionSchema.parse({});
