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
  coverOwn: -1.226,
  coverAround: 1.727,
  coverNeighbours: 3.009,
  coverChunk: -0.22,
  corpusOwn: 0,
  corpusAround: 0,
  exactShare: 0,
  askOwn: 1.118,
  meaning: 0,
  kindMatch: 0,
  kindMissing: 0,
  chunkRank: 0,
  lexicalShare: 0,
  denseShare: 0,
  documentShare: 0,
  faqAnswer: 0,
  listOrRow: 0,
  short: 0,
  long: 0,
};
