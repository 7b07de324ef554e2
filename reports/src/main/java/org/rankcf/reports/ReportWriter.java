package org.rankcf.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Reads a run or sweep folder and writes its report.html into it. */
public final class ReportWriter {
  public static final String FILE = "report.html";

  private ReportWriter() {}

  /** The report with default options; returns the written file. */
  public static Path write(Path runOrSweepDir) {
    return write(runOrSweepDir, ReportOptions.DEFAULTS);
  }

  public static Path write(Path runOrSweepDir, ReportOptions options) {
    RunSet set = RunReader.readFolder(runOrSweepDir);
    List<RunPair> pairs = options.warmToBaseline().isEmpty()
        ? RunPairs.derive(set.runs()) : RunPairs.byLabel(set.runs(), options.warmToBaseline());
    // a run folder on its own gets the single-run page; a sweep's folder, even of one run, the study's
    String html = set.runs().size() == 1 && set.results().isEmpty() && set.stats().isEmpty()
        ? RunReport.render(set.runs().get(0), options) : HtmlReport.render(set, pairs, options);
    return replace(runOrSweepDir.resolve(FILE), html);
  }

  /** Writes a temp file beside the target and renames it over the target: readers see old or new, never half. */
  private static Path replace(Path target, String content) {
    Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
    try {
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }
}
