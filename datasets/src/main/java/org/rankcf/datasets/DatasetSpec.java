package org.rankcf.datasets;

import java.math.BigDecimal;
import java.util.Locale;
import org.rankcf.datasets.io.DataFormat;
import org.rankcf.datasets.io.Delimiter;
import org.rankcf.datasets.split.Splitters;
import org.rankcf.framework.util.Check;
import org.rankcf.framework.util.ConfigException;

/**
 * The {@code data} section of a run config: where a data set is, how to read, filter and split it. Keys
 * are the kebab-case component names ({@code id-base}, {@code k-core}...); exceptions name them relative
 * to the section. The YAML loader overlays the user's keys on {@link #DEFAULTS}.
 *
 * @param path a file or folder, relative to the project root, or {@code builtin:lastfm}
 * @param name the data set's name in records; null to take it from the path
 * @param format {@code auto} (from the file names), {@code lightgcn}, {@code tsv}/{@code csv},
 *     {@code recbole} or {@code movielens}
 * @param split {@code given}, {@code paper}, {@code ratio}, {@code leave-one-out} or {@code temporal}
 * @param seed the seed of every random choice of the split
 * @param validation for {@code given}: the fraction of train pairs moved to validation (0 = none)
 * @param trainFraction for {@code paper}, {@code ratio}, {@code temporal}: the train share
 * @param validationFraction likewise the validation share (0 = no validation)
 * @param testFraction likewise the test share; the three add up to 1
 * @param idBase integer ids start at {@code 0}, {@code 1}, or {@code auto} (1 when no file of the data set
 *     has an id 0 and the smallest id is 1)
 * @param delimiter for delimited files: {@code auto}, {@code tab}, {@code comma}, {@code semicolon},
 *     {@code pipe}, {@code whitespace} or {@code double-colon} (or the separator itself)
 * @param header for delimited files: {@code auto} (a first line whose ids are not integers is a header),
 *     {@code true} or {@code false}
 * @param ratingThreshold keep only pairs with rating (or weight) at least this; null = keep all
 * @param kCore keep only users and items with at least this many pairs, iteratively; 0 = off
 * @param unseen validation and test pairs whose user or item has no train pair: {@code drop} them from
 *     evaluation (the default; their count goes into the split's protocol) or {@code keep} them
 * @param carve for {@code given} with a {@code validation} share: {@code pairs} draws that share of all train
 *     pairs; {@code per-user} draws max(floor(share * |P_u|), 1) of each user's train items (IR-Benchmark)
 */
public record DatasetSpec(
    String path, String name, String format, String split, long seed, double validation,
    double trainFraction, double validationFraction, double testFraction,
    String idBase, String delimiter, String header, Double ratingThreshold, int kCore, String unseen, String carve) {

  /** The prefix of data sets bundled with rankcf. */
  public static final String BUILTIN = "builtin:";

  public static final DatasetSpec DEFAULTS = new DatasetSpec(
      BUILTIN + "lastfm", null, "auto", "given", 123, 0.1, 0.8, 0.1, 0.1, "auto", "auto", "auto", null, 0, "drop", "pairs");

  private static final String AUTO = "auto";
  private static final String PER_USER = "per-user";

  public DatasetSpec {
    path = Check.present("path", path).trim();
    if (path.isEmpty()) {
      throw new ConfigException("path", "must not be empty");
    }
    if (name != null && name.isBlank()) {
      throw new ConfigException("name", "must not be blank (leave it out to use the folder name)");
    }
    format = lower(Check.present("format", format));
    if (!format.equals(AUTO) && DataFormat.named(format) == null) {
      throw new ConfigException("format", "unknown format '" + format + "'; known: " + DataFormat.names());
    }
    split = lower(Check.present("split", split));
    if (Splitters.named(split) == null) {
      throw new ConfigException("split", "unknown split '" + split + "'; known: " + Splitters.names());
    }
    if (!(validation >= 0 && validation < 1)) {
      throw new ConfigException("validation", "must be in [0, 1) (got " + validation + ")");
    }
    Check.inRange("train-fraction", trainFraction, 0, 1);
    Check.inRange("validation-fraction", validationFraction, 0, 1);
    Check.inRange("test-fraction", testFraction, 0, 1);
    if (trainFraction == 0) {
      throw new ConfigException("train-fraction", "must be > 0");
    }
    if (testFraction == 0) {
      throw new ConfigException("test-fraction", "must be > 0");
    }
    double sum = trainFraction + validationFraction + testFraction;
    if (Math.abs(sum - 1) > 1e-9) {
      throw new ConfigException("train-fraction",
          "train-fraction + validation-fraction + test-fraction must add up to 1 (got " + sum + ")");
    }
    idBase = lower(Check.present("id-base", idBase));
    if (!idBase.equals(AUTO) && !idBase.equals("0") && !idBase.equals("1")) {
      throw new ConfigException("id-base", "must be 0, 1 or auto (got '" + idBase + "')");
    }
    delimiter = Check.present("delimiter", delimiter);
    if (!delimiter.equalsIgnoreCase(AUTO) && Delimiter.named(delimiter) == null) {
      throw new ConfigException("delimiter",
          "unknown delimiter '" + delimiter + "'; known: auto, " + Delimiter.labels());
    }
    header = lower(Check.present("header", header));
    if (!header.equals(AUTO) && !header.equals("true") && !header.equals("false")) {
      throw new ConfigException("header", "must be true, false or auto (got '" + header + "')");
    }
    if (ratingThreshold != null && !Double.isFinite(ratingThreshold)) {
      throw new ConfigException("rating-threshold", "must be a finite number (got " + ratingThreshold + ")");
    }
    Check.atLeast("k-core", kCore, 0);
    unseen = lower(Check.present("unseen", unseen));
    if (!unseen.equals("drop") && !unseen.equals("keep")) {
      throw new ConfigException("unseen", "must be drop or keep (got '" + unseen + "')");
    }
    carve = lower(Check.present("carve", carve));
    if (!carve.equals("pairs") && !carve.equals(PER_USER)) {
      throw new ConfigException("carve", "must be pairs or per-user (got '" + carve + "')");
    }
  }

  /** Whether the validation share is drawn per user rather than over all train pairs. */
  public boolean carvesPerUser() {
    return carve.equals(PER_USER);
  }

  /** Whether validation and test pairs of users or items without train pairs stay in evaluation. */
  public boolean keepsUnseen() {
    return unseen.equals("keep");
  }

  private static String lower(String text) {
    return text.trim().toLowerCase(Locale.ROOT);
  }

  /** The format to read with, or null to detect it from the file names. */
  public DataFormat dataFormat() {
    return format.equals(AUTO) ? null : DataFormat.named(format);
  }

  /** The configured delimiter, or null to guess it from each file's first line. */
  public Delimiter fieldDelimiter() {
    return delimiter.equalsIgnoreCase(AUTO) ? null : Delimiter.named(delimiter);
  }

  /** Whether delimited files start with a header, or null to detect it. */
  public Boolean hasHeader() {
    return header.equals(AUTO) ? null : Boolean.valueOf(header);
  }

  /** The id base 0 or 1, or -1 for auto-detection. */
  public int idBaseValue() {
    return idBase.equals(AUTO) ? -1 : Integer.parseInt(idBase);
  }

  /** The split fractions as protocol strings write them, e.g. {@code 0.8/0.1/0.1}. */
  public String fractions() {
    return plain(trainFraction) + "/" + plain(validationFraction) + "/" + plain(testFraction);
  }

  /** A number without trailing zeros, e.g. {@code 0.1}. */
  public static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  public DatasetSpec withPath(String newPath) {
    return new DatasetSpec(newPath, name, format, split, seed, validation, trainFraction, validationFraction,
        testFraction, idBase, delimiter, header, ratingThreshold, kCore, unseen, carve);
  }

  public DatasetSpec withSplit(String newSplit, long newSeed) {
    return new DatasetSpec(path, name, format, newSplit, newSeed, validation, trainFraction, validationFraction,
        testFraction, idBase, delimiter, header, ratingThreshold, kCore, unseen, carve);
  }

  public DatasetSpec withValidation(double newValidation) {
    return new DatasetSpec(path, name, format, split, seed, newValidation, trainFraction, validationFraction,
        testFraction, idBase, delimiter, header, ratingThreshold, kCore, unseen, carve);
  }
}
