package org.rankcf.framework.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.batch.Batch;
import org.rankcf.framework.plugin.NoConfig;
import org.rankcf.framework.plugin.PluginBindings;
import org.rankcf.framework.plugin.PluginFactory;
import org.rankcf.framework.spi.Loss;

/** The generic plug-in checks fail for plug-ins with the faults they are there to catch, and pass a sound one. */
class PluginChecksCatchFaultsTest {
  /** sum of the user rows' entries times a factor; gradient {@code gradFactor}; as a loss without negatives. */
  private static Loss sumLoss(Supplier<Double> factor, double gradFactor, boolean claimsNegatives) {
    return new Loss() {
      @Override
      public boolean usesNegatives() {
        return claimsNegatives;
      }

      @Override
      public double valueAndGradient(Batch batch, double weight) {
        int n = batch.numUniqueUsers() * batch.dim();
        double sum = 0;
        for (int t = 0; t < n; t++) {
          sum += batch.users()[t];
          batch.userGrad()[t] += (float) (weight * gradFactor);
        }
        return factor.get() * sum;
      }
    };
  }

  private static PluginChecks checksOf(Map<String, Loss> losses) {
    return new PluginChecks() {
      @Override
      protected List<Module> modules() {
        return List.of(new AbstractModule() {
          @Override
          protected void configure() {
            losses.forEach((name, loss) -> PluginBindings.losses(binder()).addBinding(name)
                .toInstance(PluginFactory.of(NoConfig.class, NoConfig.INSTANCE, name, (config, context) -> loss)));
          }
        });
      }
    };
  }

  private static Map<String, DynamicTest> byName(Stream<DynamicTest> tests) {
    return tests.collect(Collectors.toMap(DynamicTest::getDisplayName, t -> t));
  }

  @Test
  void aWrongGradientFailsTheFiniteDifferenceCheck() throws Throwable {
    PluginChecks checks = checksOf(Map.of("sound", sumLoss(() -> 1.0, 1.0, false), "wrong", sumLoss(() -> 1.0, 2.0, false)));
    Map<String, DynamicTest> tests = byName(checks.objectiveGradientsMatchCentralDifferences());
    tests.get("loss sound").getExecutable().execute();
    assertThatThrownBy(() -> tests.get("loss wrong").getExecutable().execute()).isInstanceOf(AssertionError.class);
  }

  @Test
  void aResultThatDependsOnTheThreadCountFailsTheParallelCheck() throws Throwable {
    int[] calls = {0};
    // the value drifts from call to call, as a loss with hidden state or an unordered parallel sum would
    Loss drifting = sumLoss(() -> 1.0 + 1e-3 * calls[0]++, 1.0, false);
    PluginChecks checks = checksOf(Map.of("sound", sumLoss(() -> 1.0, 1.0, false), "drifting", drifting));
    Map<String, DynamicTest> tests = byName(checks.objectivesGiveTheSerialResultOnTwoThreadsAndTheSameBitsOnEveryRepeat());
    tests.get("loss sound").getExecutable().execute();
    assertThatThrownBy(() -> tests.get("loss drifting").getExecutable().execute()).isInstanceOf(AssertionError.class);
  }

  @Test
  void aLossThatClaimsNegativesButTakesABatchWithoutThemFails() {
    PluginChecks checks = checksOf(Map.of("claims", sumLoss(() -> 1.0, 1.0, true), "sound", sumLoss(() -> 1.0, 1.0, false)));
    Map<String, DynamicTest> tests = byName(checks.lossesHonourWhetherTheyUseNegatives());
    assertThatCode(() -> tests.get("sound").getExecutable().execute()).doesNotThrowAnyException();
    assertThatThrownBy(() -> tests.get("claims").getExecutable().execute()).isInstanceOf(AssertionError.class);
    assertThat(tests).hasSize(2);
  }
}
