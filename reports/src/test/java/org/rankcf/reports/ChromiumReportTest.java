package org.rankcf.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a sweep's report in headless Chromium, as a person would: every embedded image must decode (the
 * report's inline check writes the count on the body), and the report and a screenshot are kept in target/ for a look.
 * Without Chromium the test is skipped, except under CI (the CI variable set), where .ci/run installs it.
 */
class ChromiumReportTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final long TIMEOUT_SECONDS = 180;

  @TempDir Path tmp;

  @Test
  void chromiumDecodesEveryImageOfTheReport() throws IOException, InterruptedException {
    requireChromium();
    Path report = ReportWriter.write(ReportWriterTest.sweep(Files.createDirectories(tmp.resolve("sweep"))));
    int images = ReportWriterTest.images(Files.readString(report)).size();
    assertThat(images).isEqualTo(9);

    String dom = chromium(report, "--dump-dom");
    assertThat(dom).contains("data-images-ok=\"" + images + "/" + images + "\"");

    Path screenshot = tmp.resolve("screenshot.png");
    chromium(report, "--screenshot=" + screenshot, "--window-size=1280,4000", "--hide-scrollbars");
    BufferedImage image = Png.decode(Files.readAllBytes(screenshot));
    assertThat(image.getWidth()).isEqualTo(1280);
    assertThat(image.getHeight()).isEqualTo(4000);
    Files.copy(screenshot, Path.of("target", "report-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(report, Path.of("target", "report-sample.html"), StandardCopyOption.REPLACE_EXISTING);
  }

  private static void requireChromium() {
    if (Files.isExecutable(CHROMIUM)) {
      return;
    }
    if (System.getenv("CI") != null) {
      fail(CHROMIUM + " is missing; .ci/run installs it for CI");
    }
    Assumptions.abort(CHROMIUM + " is not installed");
  }

  /** Runs headless Chromium on the report without network, profile or GPU; returns its standard output. */
  private String chromium(Path report, String... options) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-dev-shm-usage", "--user-data-dir=" + Files.createTempDirectory(tmp, "profile")));
    command.addAll(List.of(options));
    command.add(report.toUri().toString());
    Path stdout = Files.createTempFile(tmp, "chromium", ".out");
    Path stderr = Files.createTempFile(tmp, "chromium", ".err");
    Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      fail("chromium did not finish in " + TIMEOUT_SECONDS + " s: " + Files.readString(stderr));
    }
    assertThat(process.exitValue()).as("chromium exit code; stderr: %s", Files.readString(stderr)).isZero();
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }
}
