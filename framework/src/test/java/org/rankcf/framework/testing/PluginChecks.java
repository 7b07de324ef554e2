package org.rankcf.framework.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.inject.Guice;
import com.google.inject.Module;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.batch.BatchAssembler;
import org.rankcf.framework.data.IdMap;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.data.SplitData;
import org.rankcf.framework.model.Initializer;
import org.rankcf.framework.plugin.EveryPluginKind;
import org.rankcf.framework.plugin.PluginContext;
import org.rankcf.framework.plugin.PluginFactory;
import org.rankcf.framework.plugin.PluginRegistry;
import org.rankcf.framework.spi.Loss;
import org.rankcf.framework.spi.Objective;
import org.rankcf.framework.spi.Regularizer;
import org.rankcf.framework.spi.Sampler;
import org.rankcf.framework.util.Parallel;

/**
 * The checks every registered loss, regularizer and sampler must pass, generated from the registry so that
 * a new plug-in is covered the moment it is registered. Extend it with the Guice module(s) under test (a
 * plug-in jar's own module included) and every plug-in they register is checked at its default config:
 * <ul>
 *   <li>objectives: the gradient matches central differences of the objective itself, on the batch rows
 *       and on the full tables (unless it {@link Objective#stopsGradients()}); two threads give the serial result to float rounding and the same bits on
 *       every repeat;</li>
 *   <li>losses: one that declares {@link Loss#usesNegatives()} refuses a batch without negatives, one that
 *       does not gives the same value with and without them;</li>
 *   <li>samplers: the same random stream draws the same items, all inside the catalogue, each with a
 *       finite log-probability.</li>
 * </ul>
 */
public abstract class PluginChecks {
  private static final int DIM = 8;

  /** The modules whose plug-ins are checked; the other plug-in kinds are left empty. */
  protected abstract List<Module> modules();

  /** The registry of just {@link #modules()}. */
  protected final PluginRegistry registry() {
    List<Module> all = new ArrayList<>(modules());
    all.add(new EveryPluginKind());
    return Guice.createInjector(all).getInstance(PluginRegistry.class);
  }

  @TestFactory
  Stream<DynamicTest> objectiveGradientsMatchCentralDifferences() {
    return objectives().filter(named -> !named.create().apply(context()).stopsGradients())
        .map(named -> DynamicTest.dynamicTest(named.name(), () -> {
      // small batches where ids repeat; float differences of the objective itself
      GradientCheck.assertGradientMatches(named.create().apply(context()), TestBatches.repeatingIds(3, 0.7, 5),
          1e-2, 2e-2);
      GradientCheck.assertTableGradientMatches(named.create().apply(context()), TestBatches.repeatingIds(3, 0.7, 6),
          1e-2, 2e-2);
    }));
  }

  @TestFactory
  Stream<DynamicTest> objectivesGiveTheSerialResultOnTwoThreadsAndTheSameBitsOnEveryRepeat() {
    return objectives().map(named -> DynamicTest.dynamicTest(named.name(), () -> {
      Objective objective = named.create().apply(context());
      Batch batch = TestBatches.random(150, 200, DIM, 300, 2, 0.5, 21);
      clear(batch);
      double serial = objective.valueAndGradient(batch, 1.0);
      float[][] serialGrads = grads(batch);
      try (Parallel parallel = new Parallel(2)) {
        new BatchAssembler(batch).setParallel(parallel);
        float[][] first = null;
        for (int run = 0; run < 2; run++) {
          clear(batch);
          assertThat(objective.valueAndGradient(batch, 1.0)).isCloseTo(serial, within(1e-9 * Math.max(1, Math.abs(serial))));
          float[][] now = grads(batch);
          if (first == null) {
            first = now;
          } else {
            for (int g = 0; g < now.length; g++) {
              assertThat(now[g]).as("gradient %d, repeat", g).containsExactly(first[g]);
            }
          }
        }
        for (int g = 0; g < first.length; g++) {
          for (int t = 0; t < first[g].length; t++) {
            assertThat(first[g][t]).as("gradient %d entry %d", g, t).isCloseTo(serialGrads[g][t], within(1e-5f));
          }
        }
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> lossesHonourWhetherTheyUseNegatives() {
    PluginRegistry registry = registry();
    return registry.losses().keySet().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
      Loss loss = create(registry.losses().get(name));
      Batch without = TestBatches.random(6, 9, 5, 16, 0, 0.7, 8);
      if (loss.usesNegatives()) {
        assertThatThrownBy(() -> loss.valueAndGradient(without, 1.0))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("negative");
      } else {
        double plain = loss.valueAndGradient(without, 1.0);
        // the same pairs and rows with negatives drawn as well: a loss without negatives ignores them
        double withNegatives = create(registry.losses().get(name)).valueAndGradient(TestBatches.random(6, 9, 5, 16, 3, 0.7, 8), 1.0);
        assertThat(plain).isFinite();
        assertThat(withNegatives).isCloseTo(plain, within(1e-6 * Math.max(1, Math.abs(plain))));
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> samplersAreReproducibleAndDrawInsideTheCatalogue() {
    PluginRegistry registry = registry();
    return registry.samplers().keySet().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
      PluginContext context = context();
      int numItems = context.data().numItems();
      int[] users = {0, 1, 2, 3, 4, 5, 6, 7};
      int[] positives = {0, 1, 2, 3, 4, 5, 6, 7};
      int negatives = 3;
      int[][] drawn = new int[2][users.length * negatives];
      for (int run = 0; run < 2; run++) {
        Sampler sampler = create(registry.samplers().get(name), context);
        sampler.sample(users, positives, users.length, negatives, drawn[run], new SplittableRandom(99));
        for (int item : drawn[run]) {
          assertThat(item).isBetween(0, numItems - 1);
          assertThat(sampler.logProbability(item)).isFinite().isLessThanOrEqualTo(0.0);
        }
      }
      assertThat(drawn[1]).containsExactly(drawn[0]);
    }));
  }

  /** A registered objective by kind and name, with how to create it at its defaults. */
  private record Named(String name, Function<PluginContext, Objective> create) {}

  private Stream<Named> objectives() {
    PluginRegistry registry = registry();
    List<Named> all = new ArrayList<>();
    registry.losses().forEach((name, factory) -> all.add(new Named("loss " + name, context -> create(factory, context))));
    registry.regularizers().forEach((name, factory) ->
        all.add(new Named("regularizer " + name, context -> create(factory, context))));
    return all.stream();
  }

  /**
   * A plug-in context over a small random split (samplers read its train degrees; a loss with per-user state
   * sizes it by the split), with as many users and items as the largest batch the checks draw.
   */
  protected static PluginContext context() {
    int numUsers = 150;
    int numItems = 200;
    SplittableRandom random = new SplittableRandom(3);
    int[] u = new int[400];
    int[] i = new int[400];
    for (int p = 0; p < u.length; p++) {
      u[p] = random.nextInt(numUsers);
      i[p] = random.nextInt(numItems);
    }
    Interactions train = Interactions.fromPairs(numUsers, numItems, u, i);
    Interactions empty = Interactions.empty(numUsers, numItems);
    SplitData data = new SplitData("checks", "given", train, empty, train, IdMap.identity(numUsers), IdMap.identity(numItems));
    return new PluginContext(data, DIM, Initializer.PAPER, 7, null);
  }

  private static <T> T create(PluginFactory<T, ?> factory) {
    return create(factory, context());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <T> T create(PluginFactory<T, ?> factory, PluginContext context) {
    PluginFactory raw = factory;
    return (T) raw.create(raw.defaults(), context);
  }

  private static void clear(Batch batch) {
    Arrays.fill(batch.userGrad(), 0f);
    Arrays.fill(batch.itemGrad(), 0f);
    Arrays.fill(batch.userTableGrad(), 0f);
    Arrays.fill(batch.itemTableGrad(), 0f);
  }

  private static float[][] grads(Batch batch) {
    return new float[][] {
      Arrays.copyOf(batch.userGrad(), batch.numUniqueUsers() * batch.dim()),
      Arrays.copyOf(batch.itemGrad(), batch.numUniqueItems() * batch.dim()),
      batch.userTableGrad().clone(), batch.itemTableGrad().clone()
    };
  }
}
