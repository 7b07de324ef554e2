package org.rankcf.experiments.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.inject.Guice;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.experiments.config.ConfigLoader;
import org.rankcf.experiments.config.RunConfig;
import org.rankcf.experiments.run.TrainingRun;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.plugin.FrameworkModule;
import org.rankcf.framework.plugin.PluginRegistry;
import org.rankcf.framework.train.EpochRecord;
import org.rankcf.framework.util.ConfigException;
import org.rankcf.framework.util.Parallel;
import org.rankcf.losses.LossesModule;
import org.rankcf.regularizers.RegularizersModule;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.Tensor;

/** The worked example of docs/extending/optimisers.md: an optimiser added from outside the framework. */
class RmsPropTest {
  private static final PluginRegistry REGISTRY = Guice.createInjector(new FrameworkModule(), new LossesModule(),
      new RegularizersModule(), new org.rankcf.evaluation.EvaluationModule(), new RmsPropModule()).getInstance(PluginRegistry.class);

  @Test
  void stepsMatchTribuosRmsProp() {
    SplittableRandom random = new SplittableRandom(3);
    int rows = 4;
    int dim = 3;
    EmbeddingTable table = new EmbeddingTable(rows, dim);
    RmsProp ours = new RmsProp(new RmsPropConfig(0.01, 0.9, 1e-8, false, List.of(), 0.1), List.of(table));
    org.tribuo.math.optimisers.RMSProp tribuo = new org.tribuo.math.optimisers.RMSProp(0.01, 0.9);
    tribuo.initialise(new LinearParameters(dim, rows));
    double[] expected = new double[rows * dim];
    for (int step = 1; step <= 40; step++) {
      double[][] g = new double[rows][dim];
      float[] grad = new float[rows * dim];
      for (int k = 0; k < grad.length; k++) {
        grad[k] = (float) random.nextDouble(-1, 1);
        g[k / dim][k % dim] = grad[k];
      }
      DenseMatrix update = (DenseMatrix) tribuo.step(new Tensor[] {DenseMatrix.createDenseMatrix(g)}, 1.0)[0];
      ours.step(new java.util.ArrayList<>(List.of(grad)), Parallel.serial());
      for (int k = 0; k < grad.length; k++) {
        expected[k] -= update.get(k / dim, k % dim);
        assertThat((double) table.data()[k]).as("step %d", step).isCloseTo(expected[k], within(1e-4));
      }
    }
  }

  @Test
  void theModuleRegistersItUnderItsShortName() {
    // PluginBindings.optimizers(binder()).addBinding("rmsprop").toInstance(...) in RmsPropModule
    assertThat(REGISTRY.optimizers()).containsKeys("rmsprop", "adam", "adamw", "sgd", "adagrad");
    RunConfig config = new ConfigLoader(REGISTRY).load(Path.of("configs/lastfm-mf-bpr.yaml"),
        List.of("train.optimizer={name: rmsprop, lr: 0.01}"));
    assertThat(config.optimizer().config()).isEqualTo(new RmsPropConfig(0.01, 0.9, 1e-8, false, List.of(), 0.1));
    assertThatThrownBy(() -> new ConfigLoader(REGISTRY).load(Path.of("configs/lastfm-mf-bpr.yaml"),
        List.of("train.optimizer={name: rmsprop, lazy: true}")))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("train.optimizer.lazy: RMSprop decays");
  }

  @Test
  void trainsMfBprOnLastfm(@TempDir Path out) {
    RunConfig config = new ConfigLoader(REGISTRY).load(Path.of("configs/lastfm-mf-bpr.yaml"),
        List.of("train.optimizer={name: rmsprop, lr: 0.001}", "train.epochs=3"));
    List<EpochRecord> epochs = new TrainingRun(config, Path.of(".."), null).execute(out).result().epochs();
    assertThat(epochs.get(2).loss()).isLessThan(epochs.get(1).loss()).isLessThan(epochs.get(0).loss());
  }
}
