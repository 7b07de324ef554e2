package org.rankcf.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.plugin.PluginBindings;
import org.rankcf.framework.plugin.PluginRegistry;
import org.rankcf.framework.testing.TestBatches;
import org.rankcf.framework.util.ConfigException;
import org.rankcf.regularizers.RegularizersModule;

/** Registration, config validation and the negatives requirement. */
class LossPluginsTest {
  private static PluginRegistry registry() {
    return Guice.createInjector(new LossesModule(), new RegularizersModule(), new AbstractModule() {
      @Override
      protected void configure() {
        PluginBindings.samplers(binder());
        PluginBindings.models(binder());
      }
    }).getInstance(PluginRegistry.class);
  }

  @Test
  void registersEveryLossUnderItsShortName() {
    PluginRegistry registry = registry();
    assertThat(registry.losses()).containsOnlyKeys("bpr", "bce", "ssm", "inbatch", "alignment", "directau", "ccl");
    assertThat(registry.loss("directau", "loss.name").defaults()).isEqualTo(DirectAuLoss.Config.DEFAULTS);
    assertThat(DirectAuLoss.Config.DEFAULTS).isEqualTo(new DirectAuLoss.Config(1.0, 2.0));
  }

  @Test
  void onlyTheSampledLossesUseNegatives() {
    PluginRegistry registry = registry();
    for (String name : registry.losses().keySet()) {
      boolean sampled = !name.equals("inbatch") && !name.equals("alignment") && !name.equals("directau");
      assertThat(create(registry, name).usesNegatives()).as(name).isEqualTo(sampled);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static org.rankcf.framework.spi.Loss create(PluginRegistry registry, String name) {
    org.rankcf.framework.plugin.PluginFactory factory = registry.loss(name, "loss.name");
    return (org.rankcf.framework.spi.Loss) factory.create(factory.defaults(), null);
  }

  @Test
  void temperaturesMustBePositive() {
    assertThatThrownBy(() -> new SampledSoftmaxLoss.Config(0, false))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("temperature"))
        .hasMessage("temperature: must be > 0 (got 0.0)");
    assertThatThrownBy(() -> new InBatchSoftmaxLoss.Config(-1))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("temperature"));
  }

  @Test
  void directAuRejectsANegativeGammaAndANonPositiveT() {
    assertThatThrownBy(() -> new DirectAuLoss.Config(-1, 2))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("gamma"))
        .hasMessage("gamma: must be >= 0 (got -1.0)");
    assertThatThrownBy(() -> new DirectAuLoss.Config(1, 0))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("t"));
  }

  @Test
  void cclRejectsANegativeWeightAndAMarginOutsideTheCosineRange() {
    assertThatThrownBy(() -> new CclLoss.Config(0.5, -1))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("negative-weight"));
    assertThatThrownBy(() -> new CclLoss.Config(1.5, 1))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("margin"));
  }

  @Test
  void aSampledLossNeedsNegatives() {
    assertThatThrownBy(() -> new BprLoss().valueAndGradient(TestBatches.random(4, 4, 2, 3, 0, 1, 1), 1))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs at least one negative");
  }

  @Test
  void logQCorrectionNeedsTheBatchsLogQ() {
    SampledSoftmaxLoss loss = new SampledSoftmaxLoss(new SampledSoftmaxLoss.Config(1, true));
    assertThatThrownBy(() -> loss.valueAndGradient(TestBatches.random(4, 4, 2, 3, 1, 1, 1), 1))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("setNegativeLogQ");
  }
}
