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
  coverOwn: -0.618,
  coverAround: 1.903,
  coverNeighbours: 2.988,
  coverChunk: -0.161,
  corpusOwn: -0.161,
  corpusAround: 0.717,
  exactShare: 2.364,
  meaning: 0.315,
  kindMatch: 0.389,
  kindMissing: -1.566,
  chunkRank: 0.327,
  lexicalShare: 2.923,
  denseShare: 2.293,
  documentShare: 2.029,
  faqAnswer: 0.09,
  listOrRow: 0.067,
  short: -0.942,
  long: -0.95,
};
