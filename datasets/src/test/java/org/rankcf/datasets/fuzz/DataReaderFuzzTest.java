package org.rankcf.datasets.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.rankcf.datasets.DatasetLoader;
import org.rankcf.datasets.DatasetSpec;
import org.rankcf.framework.data.SplitData;
import org.rankcf.framework.util.UserInputException;

/**
 * Random data files in every format and split: each must load into a consistent split or end in one
 * {@link UserInputException} line; any other exception (a stack trace for the user) fails the property.
 */
class DataReaderFuzzTest {
  private static final AtomicLong INPUTS = new AtomicLong();
  private static final long START = System.nanoTime();
  private static final List<String> TOKENS = List.of("0", "1", "2", "3", "7", "12", "-3", "x", "1.5", "5e2", "NaN",
      "2147483648", "-2147483649", "user_id:token", "item_id:token", "rating:float", "timestamp:float", "u", "i",
      "\t", " ", "  ", ",", "::", ";", "|", "\r", "\n", "\r\n", "\n", "\n", "\uFEFF", "é", "\u0000", "#", "\"");
  private static final List<List<String>> LAYOUTS = List.of(List.of("train.txt", "test.txt"),
      List.of("train.tsv", "test.tsv"), List.of("train.csv", "test.csv", "validation.csv"), List.of("data.inter"),
      List.of("ratings.dat"), List.of("u.data"));

  @Provide
  Arbitrary<String> contents() {
    return Arbitraries.of(TOKENS).list().ofMaxSize(120).map(tokens -> String.join("", tokens));
  }

  @Property(tries = 3000, seed = "20261204")
  void everyInputLoadsOrEndsInOneLine(@ForAll("contents") String first, @ForAll("contents") String second,
      @ForAll("contents") String third, @ForAll("layouts") int layout,
      @ForAll("splits") String split, @ForAll boolean keepUnseen) throws IOException {
    INPUTS.incrementAndGet();
    Path dir = Files.createTempDirectory("rankcf-fuzz");
    try {
      List<String> files = LAYOUTS.get(layout);
      String[] contents = {first, second, third};
      for (int f = 0; f < files.size(); f++) {
        Files.write(dir.resolve(files.get(f)), contents[f].getBytes(StandardCharsets.UTF_8));
      }
      DatasetSpec spec = DatasetSpec.DEFAULTS.withPath(dir.toString()).withSplit(split, 5);
      if (keepUnseen) {
        spec = new DatasetSpec(spec.path(), spec.name(), spec.format(), spec.split(), spec.seed(), spec.validation(),
            spec.trainFraction(), spec.validationFraction(), spec.testFraction(), spec.idBase(), spec.delimiter(),
            spec.header(), spec.ratingThreshold(), spec.kCore(), "keep", spec.carve());
      }
      try {
        SplitData data = DatasetLoader.load(spec, dir);
        assertThat(data.train().size()).isPositive();
        assertThat(data.test().size()).isPositive();
        assertThat(data.train().numUsers()).isEqualTo(data.users().size());
        assertThat(data.train().numItems()).isEqualTo(data.items().size());
      } catch (UserInputException e) {
        assertThat(e.getMessage()).isNotBlank().doesNotContain("\n").doesNotContain("Exception");
      }
    } finally {
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Provide
  Arbitrary<Integer> layouts() {
    return Arbitraries.integers().between(0, LAYOUTS.size() - 1);
  }

  @Provide
  Arbitrary<String> splits() {
    return Arbitraries.of("given", "paper", "ratio", "leave-one-out", "temporal");
  }

  @AfterContainer
  static void rate() {
    double seconds = (System.nanoTime() - START) / 1e9;
    System.out.printf("data reader fuzz: %d inputs in %.1f s, %.0f inputs/s%n", INPUTS.get(), seconds, INPUTS.get() / seconds);
  }
}
