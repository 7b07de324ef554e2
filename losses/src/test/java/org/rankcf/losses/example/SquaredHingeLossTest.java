package org.rankcf.losses.example;

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

class SquaredHingeLossTest {
  @Test
  void gradientMatchesFiniteDifferences() {
    // 16 pairs over 6 users and 9 items, 3 negatives each: users, positives and negatives repeat
    Batch batch = TestBatches.repeatingIds(3, 0.7, 42);
    GradientCheck.assertGradientMatches(new SquaredHingeLoss(1.0), batch, (users, items) -> {
      double sum = 0;
      for (int b = 0; b < batch.size(); b++) {
        for (int k = 0; k < batch.negatives(); k++) {
          double gap = dot(users, batch.userRow()[b], items, batch.positiveRow()[b], batch.dim())
              - dot(users, batch.userRow()[b], items, batch.negativeRow()[b * batch.negatives() + k], batch.dim());
          sum += Math.pow(Math.max(0, 1.0 - gap), 2);
        }
      }
      return sum / (batch.size() * batch.negatives());
    }, 1e-4, 1e-3);
  }

  @Test
  void valueOfOnePair() {
    // scores 2 (positive) and 1.5 (negative), margin 1: (1 - 0.5)^2
    Batch batch = TestBatches.of(new float[][] {{1, 0}}, new float[][] {{2, 0}, {1.5f, 0}},
        new int[] {0}, new int[] {0}, new int[] {1}, 1);
    assertThat(new SquaredHingeLoss(1.0).valueAndGradient(batch, 1.0)).isCloseTo(0.25, within(1e-9));
  }

  @Test
  void registersUnderItsName() {
    PluginRegistry registry = Guice.createInjector(new AbstractModule() {
      @Override
      protected void configure() {
        PluginBindings.losses(binder()).addBinding("squared-hinge").toInstance(SquaredHingeLoss.FACTORY);
        PluginBindings.regularizers(binder());
        PluginBindings.samplers(binder());
        PluginBindings.models(binder());
      }
    }).getInstance(PluginRegistry.class);
    assertThat(registry.loss("squared-hinge", "loss.name").defaults()).isEqualTo(SquaredHingeLoss.Config.DEFAULTS);
  }

  @Test
  void marginMustBePositive() {
    assertThatThrownBy(() -> new SquaredHingeLoss.Config(0))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("margin"));
  }

  private static double dot(double[] a, int ra, double[] b, int rb, int dim) {
    double sum = 0;
    for (int c = 0; c < dim; c++) {
      sum += a[ra * dim + c] * b[rb * dim + c];
    }
    return sum;
  }
}
