package org.rankcf.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.util.UserInputException;

/** Each kind of failure: its one line and exit code; the stack trace only with --verbose or for a bug. */
class FailureReportTest {
  private String printed;

  private int report(Throwable e, boolean verbose) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = FailureReport.print(e, new PrintStream(err, true, StandardCharsets.UTF_8), verbose);
    printed = err.toString(StandardCharsets.UTF_8);
    return code;
  }

  @Test
  void outOfMemoryNamesTheHeapSettingEvenWhenWrapped() {
    assertThat(report(new RuntimeException("worker failed", new OutOfMemoryError("Java heap space")), false))
        .isEqualTo(FailureReport.OUT_OF_MEMORY);
    assertThat(printed).startsWith("rankcf: out of memory (heap limit ").contains("RANKCF_HEAP=-Xmx8g").hasLineCount(1);
  }

  @Test
  void aFullDiskNamesThePathAndTheReason() {
    IOException full = new FileSystemException("/data/runs/x/metrics.json", null, "No space left on device");
    assertThat(report(new UncheckedIOException("cannot write the checkpoint of /data/runs/x", full), false))
        .isEqualTo(FailureReport.IO_ERROR);
    assertThat(printed).isEqualTo("rankcf: cannot write the checkpoint of /data/runs/x: No space left on device\n");
    assertThat(report(new AccessDeniedException("/ro"), false)).isEqualTo(FailureReport.IO_ERROR);
    assertThat(printed).isEqualTo("rankcf: permission denied or read-only\n");
  }

  @Test
  void userErrorsAreOneLineAndVerboseAddsTheTrace() {
    assertThat(report(new IllegalStateException("wrapped", new UserInputException("train.epochs: must be >= 1")), false))
        .isEqualTo(RankcfCli.USER_ERROR);
    assertThat(printed).isEqualTo("rankcf: train.epochs: must be >= 1\n");
    report(new UserInputException("x: bad"), true);
    assertThat(printed).startsWith("rankcf: x: bad\n").contains("\tat ");
  }

  @Test
  void aBugKeepsItsStackTrace() {
    assertThat(report(new NullPointerException("oops"), false)).isEqualTo(1);
    assertThat(printed).startsWith("rankcf: internal error: java.lang.NullPointerException: oops").contains("\tat ");
  }
}
