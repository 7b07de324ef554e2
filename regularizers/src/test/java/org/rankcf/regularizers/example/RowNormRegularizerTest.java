package org.rankcf.regularizers.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.plugin.PluginBindings;
import org.rankcf.framework.plugin.PluginRegistry;
import org.rankcf.framework.testing.GradientCheck;
import org.rankcf.framework.testing.TestBatches;
import org.rankcf.framework.util.ConfigException;

class RowNormRegularizerTest {
  @Test
  void gradientMatchesFiniteDifferences() {
    Batch batch = TestBatches.repeatingIds(2, 0.7, 42);
    GradientCheck.assertGradientMatches(new RowNormRegularizer(0.5), batch,
        (users, items) -> meanOverRows(users, batch.numUniqueUsers(), batch.dim())
            + meanOverRows(items, batch.numUniqueItems(), batch.dim()), 1e-4, 1e-3);
  }

  @Test
  void valueAndGradientOfTinyRows() {
    // user (1, 1): (2 - 1)^2 = 1; items (2, 0) and (0, 0): ((4 - 1)^2 + (0 - 1)^2) / 2 = 5
    Batch batch = TestBatches.of(new float[][] {{1, 1}}, new float[][] {{2, 0}, {0, 0}},
        new int[] {0}, new int[] {0}, new int[] {1}, 1);
    assertThat(new RowNormRegularizer(1.0).valueAndGradient(batch, 1.0)).isCloseTo(6.0, within(1e-9));
    // d/du = 4 (||u||^2 - 1) u = (4, 4)
    assertThat(batch.userGrad()).containsExactly(4f, 4f);
  }

  @Test
  void registersUnderItsName() {
    PluginRegistry registry = Guice.createInjector(new AbstractModule() {
      @Override
      protected void configure() {
        PluginBindings.regularizers(binder()).addBinding("row-norm").toInstance(RowNormRegularizer.FACTORY);
        PluginBindings.losses(binder());
        PluginBindings.samplers(binder());
        PluginBindings.models(binder());
      }
    }).getInstance(PluginRegistry.class);
    assertThat(registry.regularizer("row-norm", "regularizers[0].name").defaults())
        .isEqualTo(RowNormRegularizer.Config.DEFAULTS);
  }

  @Test
  void targetMustBePositive() {
    assertThatThrownBy(() -> new RowNormRegularizer.Config(0))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("target"));
  }

  private static double meanOverRows(double[] rows, int n, int dim) {
    double sum = 0;
    for (int r = 0; r < n; r++) {
      double norm = 0;
      for (int c = 0; c < dim; c++) {
        norm += rows[r * dim + c] * rows[r * dim + c];
      }
      sum += (norm - 0.5) * (norm - 0.5);
    }
    return sum / n;
  }
}
