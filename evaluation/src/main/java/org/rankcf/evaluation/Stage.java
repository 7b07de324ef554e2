package org.rankcf.evaluation;

/** Which held-out pairs an evaluation targets, and so which pairs it masks. */
public enum Stage {
  /** Validation targets, train masked (test targets when the split has no validation). */
  VALIDATION,
  /** Test targets, train and validation masked. */
  TEST,
  /**
   * Test targets, only train masked: validation items stay rankable as non-relevant items, as IR-Benchmark
   * tests (LOSSES.md §P7).
   */
  TEST_TRAIN_MASKED
}
