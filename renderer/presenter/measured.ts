// What the presenter's layout audit measures on a screen (measure.ts). No DOM: the tests share it.

export interface PresenterMeasure {
  /** The smallest type on the screen (or in the dialog over it), and whose. */
  smallest: { px: number; what: string } | null;
  /**
   * The chart's box against the screen (null: no chart, or one under a dialog): its share of the width, of the whole screen, and of the
   * screen below the question; its smallest type (null: its words are no text, as in a picture).
   */
  chart: { width: number; screen: number; belowQuestion: number; smallestPx: number | null } | null;
  /** How many times one of `floorSentences` is on the screen. */
  floorSentences: number;
}
