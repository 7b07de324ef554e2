package org.rankcf.evaluation.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import org.junit.jupiter.api.Test;
import org.rankcf.evaluation.EvaluationModule;
import org.rankcf.framework.plugin.FrameworkModule;
import org.rankcf.framework.plugin.PluginBindings;
import org.rankcf.framework.plugin.PluginRegistry;
import org.rankcf.framework.util.ConfigException;

/** The evaluation module registers every shipped metric by name; unknown names list the known ones. */
class MetricRegistrationTest {
  @Test
  void everyShippedMetricIsRegisteredUnderItsName() {
    PluginRegistry registry = Guice.createInjector(new EvaluationModule(), binder -> {
      PluginBindings.losses(binder);
      PluginBindings.regularizers(binder);
      PluginBindings.samplers(binder);
      PluginBindings.models(binder);
    }).getInstance(PluginRegistry.class);
    assertThat(registry.metrics()).containsOnlyKeys(StandardMetrics.ALL.keySet());
    assertThat(registry.metric("ndcg", "eval.metrics")).isSameAs(StandardMetrics.ALL.get("ndcg"));
    assertThatThrownBy(() -> registry.metric("dcg", "eval.metrics"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("eval.metrics"))
        .hasMessageContaining("unknown metric 'dcg'; known: arp, coverage, f1, hit");
  }

  @Test
  void aRegistryWithoutTheEvaluationModuleHasNoMetrics() {
    PluginRegistry registry = Guice.createInjector(new FrameworkModule(), binder -> {
      PluginBindings.losses(binder);
      PluginBindings.regularizers(binder);
    }).getInstance(PluginRegistry.class);
    assertThat(registry.metrics()).isEmpty();
  }
}
