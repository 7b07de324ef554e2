package org.rankcf.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rankcf.framework.data.SplitData;
import org.rankcf.framework.testing.DataPaths;

/**
 * The per-user carve on the IR-Benchmark data sets gives the validation counts LOSSES.md §P2 states, whatever
 * the seed, and leaves every user validation and test items (so averaging over evaluated users is averaging
 * over all users, §P8).
 */
class IrbCarveRealDataTest {
  @ParameterizedTest
  @CsvSource({"amazon2014-health, 2024, 3308, 1974", "amazon2014-health, 2025, 3308, 1974",
      "food, 2024, 16950, 5875"})
  void validationCountsMatchTheSpec(String folder, long seed, int validationPairs, int users) {
    DatasetSpec spec = TestFiles.with(DatasetSpec.DEFAULTS.withPath(DataPaths.sharedData(folder).toString()),
        "carve", "per-user", "unseen", "keep").withSplit("given", seed);
    SplitData split = DatasetLoader.load(spec, DataPaths.root());
    assertThat(split.validation().size()).isEqualTo(validationPairs);
    assertThat(split.numUsers()).isEqualTo(users);
    assertThat(split.validation().activeUsers()).isEqualTo(users);
    assertThat(split.test().activeUsers()).isEqualTo(users);
    SplitData files = DatasetLoader.load(TestFiles.with(spec, "validation", 0.0), DataPaths.root());
    assertThat(split.train().size() + split.validation().size()).isEqualTo(files.train().size());
  }
}
