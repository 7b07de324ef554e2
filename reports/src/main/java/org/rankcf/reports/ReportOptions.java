package org.rankcf.reports;

import java.util.List;
import java.util.Map;
import org.rankcf.framework.util.ConfigException;

/**
 * Choices for a report.
 *
 * @param targetFraction the fraction of the best validation metric whose time is reported (0.95)
 * @param spectrumEpochs epochs whose spectra are drawn; empty for each run's first, last warm, best and last
 * @param warmToBaseline warm-start run label to baseline run label; empty to pair runs by config
 * @param band the shaded band around each arm's mean over seeds
 */
public record ReportOptions(double targetFraction, List<Integer> spectrumEpochs, Map<String, String> warmToBaseline,
    Band band) {
  public static final ReportOptions DEFAULTS = new ReportOptions(0.95, List.of(), Map.of(), Band.MIN_MAX);

  public ReportOptions {
    if (!(targetFraction > 0 && targetFraction <= 1)) {
      throw new ConfigException("target-fraction", "must be in (0, 1] (got " + targetFraction + ")");
    }
    spectrumEpochs = List.copyOf(spectrumEpochs);
    warmToBaseline = Map.copyOf(warmToBaseline);
  }

  public ReportOptions withBand(Band value) {
    return new ReportOptions(targetFraction, spectrumEpochs, warmToBaseline, value);
  }
}
