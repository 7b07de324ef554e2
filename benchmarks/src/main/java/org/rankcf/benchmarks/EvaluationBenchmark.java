package org.rankcf.benchmarks;

import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.rankcf.evaluation.EvaluationResult;
import org.rankcf.evaluation.FullRankingEvaluator;
import org.rankcf.framework.data.Interactions;

/** One whole test-stage evaluation at K = 10, 20, 50 on gowalla-sized random tables and pairs. */
public class EvaluationBenchmark extends GowallaBenchmark {
  private Interactions test;
  private FullRankingEvaluator evaluator;

  @Setup(Level.Trial)
  public void setUp() {
    setUpData();
    test = BenchData.pairs(BenchData.GOWALLA_USERS, BenchData.GOWALLA_ITEMS, BenchData.GOWALLA_TEST, 4);
    evaluator = new FullRankingEvaluator(List.of(10, 20, 50), parallel);
  }

  @Benchmark
  public EvaluationResult evaluateTest() {
    return evaluator.evaluate(users, items, test, train);
  }
}
