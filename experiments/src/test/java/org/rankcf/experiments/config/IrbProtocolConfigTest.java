package org.rankcf.experiments.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.evaluation.Stage;
import org.rankcf.experiments.cli.RankcfCli;
import org.rankcf.framework.plugin.DiscoveredPlugins;
import org.rankcf.framework.train.ModelSelection;
import org.rankcf.framework.util.ConfigException;

/** The protocol keys of docs/irb.md: defaults, validation, and fingerprints that do not move at the defaults. */
class IrbProtocolConfigTest {
  private static final Path CONFIG = Path.of("configs/lastfm-mf-bpr.yaml");
  private static final ConfigLoader LOADER = new ConfigLoader(DiscoveredPlugins.load().registry());

  @Test
  void theDefaultsAreTheOldBehaviourAndStayOutOfTheResolvedConfig() {
    RunConfig config = LOADER.load(CONFIG, List.of());
    assertThat(config.selection()).isEqualTo(ModelSelection.EVERY_EPOCH);
    assertThat(config.normalize()).isFalse();
    assertThat(config.data().carvesPerUser()).isFalse();
    assertThat(config.eval().testStage()).isEqualTo(Stage.TEST);
    JsonNode resolved = config.resolved();
    assertThat(resolved.get("data").has("carve")).isFalse();
    assertThat(resolved.get("model").has("normalize")).isFalse();
    assertThat(resolved.get("train").has("validate-every")).isFalse();
    assertThat(resolved.get("train").has("select-ties")).isFalse();
    assertThat(resolved.get("train").has("early-stopping")).isFalse();
    assertThat(resolved.get("train").get("sampler").has("replacement")).isFalse();
    assertThat(resolved.get("eval").has("mask-validation-at-test")).isFalse();
    assertThat(resolved.get("train").has("patience")).isTrue();
  }

  @Test
  void theKeysSetAwayFromTheirDefaultsAreRecorded() {
    RunConfig config = LOADER.load(CONFIG, List.of("data.carve=per-user", "model.normalize=true",
        "train.validate-every=5", "train.select-ties=later", "train.early-stopping=false",
        "train.sampler.replacement=false", "eval.mask-validation-at-test=false", "model.init=xavier-normal"));
    assertThat(config.selection()).isEqualTo(new ModelSelection(5, true, false));
    assertThat(config.eval().testStage()).isEqualTo(Stage.TEST_TRAIN_MASKED);
    JsonNode resolved = config.resolved();
    assertThat(resolved.get("data").get("carve").asText()).isEqualTo("per-user");
    assertThat(resolved.get("model").get("normalize").asBoolean()).isTrue();
    assertThat(resolved.get("model").get("init").asText()).isEqualTo("xavier-normal");
    assertThat(resolved.get("train").get("validate-every").asInt()).isEqualTo(5);
    assertThat(resolved.get("train").get("select-ties").asText()).isEqualTo("later");
    assertThat(resolved.get("train").get("early-stopping").asBoolean()).isFalse();
    assertThat(resolved.get("train").get("sampler").get("replacement").asBoolean()).isFalse();
    assertThat(resolved.get("eval").get("mask-validation-at-test").asBoolean()).isFalse();
  }

  @Test
  void badValuesNameTheirKeys() {
    assertThatThrownBy(() -> LOADER.load(CONFIG, List.of("train.validate-every=0")))
        .isInstanceOf(ConfigException.class).hasMessage("train.validate-every: must be >= 1 (got 0)");
    assertThatThrownBy(() -> LOADER.load(CONFIG, List.of("train.select-ties=first")))
        .hasMessage("train.select-ties: must be earlier or later (got 'first')");
    assertThatThrownBy(() -> LOADER.load(CONFIG, List.of("data.carve=users")))
        .hasMessage("data.carve: must be pairs or per-user (got 'users')");
    assertThatThrownBy(() -> LOADER.load(CONFIG, List.of("model.normalize=maybe")))
        .hasMessageStartingWith("model.normalize");
  }

  @Test
  void onlyTheUniformSamplerDrawsWithoutReplacement(@TempDir Path out) {
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int code = RankcfCli.run(new String[] {"train", CONFIG.toString(), "--out", out.toString(), "--max-epochs", "1",
        "--set", "train.sampler.name=popularity", "--set", "train.sampler.replacement=false"},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(stderr, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(stderr.toString(StandardCharsets.UTF_8).strip())
        .isEqualTo("rankcf: train.sampler.replacement: only the uniform sampler draws without replacement");
  }
}
