package org.rankcf.experiments.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.plugin.DiscoveredPlugins;
import org.rankcf.framework.optim.AdagradConfig;
import org.rankcf.framework.optim.AdamConfig;
import org.rankcf.framework.optim.SgdConfig;
import org.rankcf.framework.util.ConfigException;

/** train.optimizer: adam without a name (as before), another optimiser by name, one-line errors naming the key. */
class OptimizerConfigTest {
  private static final Path CONFIG = Path.of("configs/lastfm-mf-bpr.yaml");
  private static final ConfigLoader LOADER = new ConfigLoader(
      DiscoveredPlugins.load().registry());

  @Test
  void anOptimizerSectionWithoutANameIsAdam() {
    RunConfig config = LOADER.load(CONFIG, List.of());
    assertThat(config.optimizer().name()).isEqualTo("adam");
    assertThat(config.optimizer().config()).isEqualTo(new AdamConfig(0.005, 1e-5, 0.9, 0.999, 1e-8, false));
    assertThat(config.resolved().at("/train/optimizer/name").asText()).isEqualTo("adam");
    assertThat(config.resolved().at("/train/optimizer/weight-decay").asDouble()).isEqualTo(1e-5);
  }

  @Test
  void aNamedOptimizerBindsItsOwnKeys() {
    RunConfig config = LOADER.load(CONFIG, List.of("train.optimizer={name: sgd, lr: 0.1, momentum: 0.9, nesterov: true}"));
    assertThat(config.optimizer().name()).isEqualTo("sgd");
    assertThat(config.optimizer().config()).isEqualTo(new SgdConfig(0.1, 0.9, true, 0, false, List.of(), 0.1));
  }

  @Test
  void aBareNameTakesTheOptimizersDefaults() {
    RunConfig config = LOADER.load(CONFIG, List.of("train.optimizer=adagrad"));
    assertThat(config.optimizer().config()).isEqualTo(AdagradConfig.DEFAULTS);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "train.optimizer.name=rmsprop | train.optimizer.name: unknown optimizer 'rmsprop'; known: adagrad, adam, adamw, sgd",
      "train.optimizer={name: sgd, beta1: 0.9} | train.optimizer.beta1: unknown key",
      "train.optimizer={name: adagrad, momentum: 0.9} | train.optimizer.momentum: unknown key",
      "train.optimizer={name: sgd, nesterov: true} | train.optimizer.nesterov: needs momentum > 0",
      "train.optimizer={name: sgd, momentum: 0.9, lazy: true} | train.optimizer.lazy: lazy SGD is only exact",
      "train.optimizer={name: adagrad, weight-decay: 0.1, lazy: true} | train.optimizer.lazy: lazy Adagrad",
      "train.optimizer={name: adamw, lr: -1} | train.optimizer.lr: must be > 0",
  })
  void badOptimizerSettingsNameTheKey(String override, String expected) {
    assertThatThrownBy(() -> LOADER.load(CONFIG, List.of(override)))
        .isInstanceOf(ConfigException.class).hasMessageContaining(expected);
  }
}
