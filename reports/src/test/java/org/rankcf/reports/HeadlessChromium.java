package org.rankcf.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium for report tests (shared with other modules through the test-jar). Without Chromium a
 * test is skipped, except under CI (the CI variable set), where .ci/run installs it.
 */
public final class HeadlessChromium {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final long TIMEOUT_SECONDS = 180;

  private HeadlessChromium() {}

  /** Skips the calling test when Chromium is missing, or fails it under CI. */
  public static void require() {
    if (Files.isExecutable(CHROMIUM)) {
      return;
    }
    if (System.getenv("CI") != null) {
      fail(CHROMIUM + " is missing; .ci/run installs it for CI");
    }
    Assumptions.abort(CHROMIUM + " is not installed");
  }

  /** Runs headless Chromium on the page without network, profile or GPU; returns its standard output. */
  public static String run(Path page, Path scratch, String... options) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-dev-shm-usage", "--user-data-dir=" + Files.createTempDirectory(scratch, "profile")));
    command.addAll(List.of(options));
    command.add(page.toUri().toString());
    Path stdout = Files.createTempFile(scratch, "chromium", ".out");
    Path stderr = Files.createTempFile(scratch, "chromium", ".err");
    Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      fail("chromium did not finish in " + TIMEOUT_SECONDS + " s: " + Files.readString(stderr));
    }
    assertThat(process.exitValue()).as("chromium exit code; stderr: %s", Files.readString(stderr)).isZero();
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }

  /** Asserts that Chromium decoded all {@code images} images of the report (its inline check's count). */
  public static void assertImagesDecoded(Path report, int images, Path scratch) throws IOException, InterruptedException {
    String dom = run(report, scratch, "--dump-dom");
    assertThat(dom).contains("data-images-ok=\"" + images + "/" + images + "\"");
  }
}
