package org.rankcf.reports;

import java.util.Locale;
import org.rankcf.framework.util.ConfigException;

/** The shaded band around an arm's mean over seeds. */
public enum Band {
  /** From the lowest to the highest seed: every seed's curve lies inside (the default: studies run few seeds). */
  MIN_MAX("min-max", "min-max over seeds"),
  /** Mean ± one sample standard deviation over seeds. */
  STD("std", "mean ± 1 std over seeds");

  private final String key;
  private final String legend;

  Band(String key, String legend) {
    this.key = key;
    this.legend = legend;
  }

  /** What the band shows, for the legend. */
  public String legend() {
    return legend;
  }

  /** {@code min-max} or {@code std}, as a user types it after {@code --band}. */
  public static Band parse(String text) {
    for (Band band : values()) {
      if (band.key.equals(text.toLowerCase(Locale.ROOT))) {
        return band;
      }
    }
    throw new ConfigException("--band", "must be min-max or std (got '" + text + "')");
  }

  @Override
  public String toString() {
    return key;
  }
}
