/**
 * The features a quotable piece is scored by, and their weights. The weights are fitted (a conditional
 * logit: the piece that holds the answer should win among its question's pieces) on the evaluation
 * coaches' questions, written in clients' own words by separate authors, and checked on coaches held out
 * of the fit; refit with `npm run eval -- --fit` after changing a feature.
 */

/** Names of the features, in a fixed order. */
export const UNIT_FEATURES = [
  "coverOwn",
  "coverAround",
  "coverNeighbours",
  "coverChunk",
  "corpusOwn",
  "corpusAround",
  "exactShare",
  "askOwn",
  "meaning",
  "kindMatch",
  "kindMissing",
  "chunkRank",
  "lexicalShare",
  "denseShare",
  "documentShare",
  "faqAnswer",
  "listOrRow",
  "short",
  "long",
] as const;

export type UnitFeature = (typeof UNIT_FEATURES)[number];
export type UnitFeatures = Record<UnitFeature, number>;

/** Fitted weights (see the header). */
export const RANKER_WEIGHTS: UnitFeatures = {
  coverOwn: -1.296,
  coverAround: 1.056,
  coverNeighbours: 2.247,
  coverChunk: 0.473,
  corpusOwn: 0.014,
  corpusAround: 1.325,
  exactShare: 2.367,
  askOwn: 1.108,
  meaning: 0.063,
  kindMatch: 0.5,
  kindMissing: -1.408,
  chunkRank: 0.643,
  lexicalShare: 2.22,
  denseShare: 2.663,
  documentShare: 2.262,
  faqAnswer: 0.891,
  listOrRow: 0.22,
  short: -0.688,
  long: -1.138,
};
