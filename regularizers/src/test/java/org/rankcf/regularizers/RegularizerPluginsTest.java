package org.rankcf.regularizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.rankcf.framework.util.ConfigException;

/** Config validation of the regularizers; the generic checks of every one are {@link RegularizerPluginChecksTest}. */
class RegularizerPluginsTest {
  @Test
  void uniformityDefaultsToDirectAusT() {
    assertThat(UniformityRegularizer.Config.DEFAULTS.t()).isEqualTo(2.0);
  }

  @Test
  void uniformityRejectsANonPositiveT() {
    assertThatThrownBy(() -> new UniformityRegularizer.Config(0))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("t"))
        .hasMessage("t: must be > 0 (got 0.0)");
    assertThatThrownBy(() -> new UniformityRegularizer.Config(-2))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("t"));
  }
}
