package org.rankcf.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a sweep's report in headless Chromium, as a person would: every embedded image must decode (the
 * report's inline check writes the count on the body), and the report and a screenshot are kept in target/ for a look.
 */
class ChromiumReportTest {
  @TempDir Path tmp;

  @Test
  void chromiumDecodesEveryImageOfTheReport() throws IOException, InterruptedException {
    HeadlessChromium.require();
    Path report = ReportWriter.write(ReportWriterTest.sweep(Files.createDirectories(tmp.resolve("sweep"))));
    int images = ReportWriterTest.images(Files.readString(report)).size();
    assertThat(images).isEqualTo(9);

    HeadlessChromium.assertImagesDecoded(report, images, tmp);

    Path screenshot = tmp.resolve("screenshot.png");
    HeadlessChromium.run(report, tmp, "--screenshot=" + screenshot, "--window-size=1280,4000", "--hide-scrollbars");
    BufferedImage image = Png.decode(Files.readAllBytes(screenshot));
    assertThat(image.getWidth()).isEqualTo(1280);
    assertThat(image.getHeight()).isEqualTo(4000);
    Files.copy(screenshot, Path.of("target", "report-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(report, Path.of("target", "report-sample.html"), StandardCopyOption.REPLACE_EXISTING);
  }
}
