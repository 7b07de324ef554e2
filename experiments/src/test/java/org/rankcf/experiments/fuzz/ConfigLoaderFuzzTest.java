package org.rankcf.experiments.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.rankcf.experiments.config.ConfigLoader;
import org.rankcf.experiments.sweep.SweepPlan;
import org.rankcf.experiments.sweep.SweepSpec;
import org.rankcf.framework.plugin.FrameworkModule;
import org.rankcf.framework.plugin.PluginRegistry;
import org.rankcf.framework.util.UserInputException;

/**
 * A valid run config and sweep file mutated line by line (values replaced by odd scalars, lines repeated,
 * dropped, cut or garbled): each must load or end in one {@link UserInputException} line.
 */
class ConfigLoaderFuzzTest {
  private static final AtomicLong INPUTS = new AtomicLong();
  private static final long START = System.nanoTime();
  private static final PluginRegistry REGISTRY = com.google.inject.Guice.createInjector(new FrameworkModule(),
      new org.rankcf.losses.LossesModule(), new org.rankcf.regularizers.RegularizersModule()).getInstance(PluginRegistry.class);
  private static final String CONFIG = """
      name: fuzz
      seed: 7
      threads: 1
      data: {path: builtin:lastfm, split: given, validation: 0.1}
      model: {name: mf, dim: 8, init: normal, init-std: 0.1}
      train:
        epochs: 2
        batch-size: 64
        patience: 3
        loss: {name: ssm, temperature: 0.5}
        regularizers: [{name: l2, weight: 1e-4}]
        sampler: {name: uniform, negatives: 2}
        optimizer: {lr: 0.01, weight-decay: 1.0e-6}
        warm-start: {epochs: 1, regularizers: [{name: stable-rank, weight: 1}]}
      eval: {ks: [10, 20]}
      """;
  private static final String SWEEP = """
      name: fuzz-sweep
      base: run.yaml
      workers: 1
      variants:
        a: {}
        b: {train.optimizer.lr: 0.02}
      axes:
        seed: [1, 2]
        train.optimizer.lr: [0.01, 0.1]
      select-over: [train.optimizer.lr]
      compare: [[a, b]]
      """;
  private static final List<String> VALUES = List.of("0", "-1", "1e309", "-0.0", ".nan", ".inf", "2147483648",
      "99999999999999999999", "''", "\"\"", "~", "null", "[]", "{}", "[1, [2]]", "{a: {b: c}}", "!!binary AAAA",
      "&a 1", "*a", "yes", "no", "x", "..", "../../x", "é", "\t", ":", "- 1", "{", "[", "'", "\"", "|", ">", "%", "@");

  record Mutation(int kind, int line, String value) {}

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 40),
        Arbitraries.of(VALUES)).as(Mutation::new);
    return one.list().ofMinSize(1).ofMaxSize(4);
  }

  /** Applies the mutations: 0 value replaced, 1 line repeated, 2 line dropped, 3 line cut, 4 text inserted, 5 key renamed. */
  static String mutate(String text, List<Mutation> mutations) {
    List<String> lines = new ArrayList<>(text.lines().toList());
    for (Mutation m : mutations) {
      int at = m.line() % lines.size();
      String line = lines.get(at);
      int colon = line.indexOf(':');
      switch (m.kind()) {
        case 0 -> lines.set(at, colon < 0 ? line + " " + m.value() : line.substring(0, colon + 1) + " " + m.value());
        case 1 -> lines.add(at, line);
        case 2 -> lines.remove(at);
        case 3 -> lines.set(at, line.substring(0, line.length() / 2));
        case 4 -> lines.set(at, line.substring(0, line.length() / 3) + m.value() + line.substring(line.length() / 3));
        default -> lines.set(at, colon < 0 ? m.value() + line : line.substring(0, colon) + "x" + line.substring(colon));
      }
      if (lines.isEmpty()) {
        lines.add(m.value());
      }
    }
    return String.join("\n", lines) + "\n";
  }

  @Property(tries = 1500, seed = "20261204")
  void everyMutatedConfigLoadsOrEndsInOneLine(@ForAll("mutations") List<Mutation> config,
      @ForAll("mutations") List<Mutation> sweep) throws IOException {
    INPUTS.incrementAndGet();
    Path dir = Files.createTempDirectory("rankcf-config-fuzz");
    try {
      Path run = Files.writeString(dir.resolve("run.yaml"), mutate(CONFIG, config), StandardCharsets.UTF_8);
      Path grid = Files.writeString(dir.resolve("grid.yaml"), mutate(SWEEP, sweep), StandardCharsets.UTF_8);
      expectLoadsOrOneLine(() -> new ConfigLoader(REGISTRY).load(run, List.of()));
      expectLoadsOrOneLine(() -> {
        SweepSpec spec = SweepSpec.load(grid);
        for (SweepPlan.PlannedRun planned : SweepPlan.expand(spec)) {
          new ConfigLoader(REGISTRY).load(planned.config(), planned.name());
        }
      });
    } finally {
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void expectLoadsOrOneLine(Runnable load) {
    try {
      load.run();
    } catch (UserInputException e) {
      assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
    }
  }

  @AfterContainer
  static void rate() {
    double seconds = (System.nanoTime() - START) / 1e9;
    System.out.printf("config fuzz: %d inputs in %.1f s, %.0f inputs/s%n", INPUTS.get(), seconds, INPUTS.get() / seconds);
  }
}
