package org.rankcf.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PluginsListingTest {
  @Test
  void listsTheOptimisersWithTheirDefaults() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    int code = RankcfCli.run(new String[] {"plugins"}, new PrintStream(out, true, StandardCharsets.UTF_8), err);
    String listing = out.toString(StandardCharsets.UTF_8);
    assertThat(code).isZero();
    String optimizers = listing.substring(listing.indexOf("optimizers:"));
    assertThat(optimizers).contains("  adam ", "  adamw ", "  sgd ", "  adagrad ")
        .contains("\"nesterov\":false").contains("from built in").contains("\"initial-accumulator\":0.0").contains("\"beta2\":0.999");
  }
}
