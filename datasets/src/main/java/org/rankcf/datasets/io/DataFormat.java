package org.rankcf.datasets.io;

import java.util.List;
import java.util.Locale;

/** The file formats the readers understand. */
public enum DataFormat {
  /** {@code user item item ...} per line, white space separated (LightGCN's train.txt / test.txt). */
  LIGHTGCN("lightgcn", List.of()),
  /** Delimited pairs with optional rating-or-weight and timestamp columns, optional header. */
  DELIMITED("tsv", List.of("csv", "delimited")),
  /** RecBole atomic {@code .inter} files with a typed header; ids are tokens. */
  RECBOLE("recbole", List.of("inter")),
  /** MovieLens {@code ratings.dat} ({@code u::i::r::t}) and {@code u.data} (tab), 1-based ids. */
  MOVIELENS("movielens", List.of());

  private final String label;
  private final List<String> aliases;

  DataFormat(String label, List<String> aliases) {
    this.label = label;
    this.aliases = aliases;
  }

  public String label() {
    return label;
  }

  /** The id base this format implies when the config leaves it to auto-detection, -1 if none. */
  public int impliedIdBase() {
    return this == MOVIELENS ? 1 : -1;
  }

  /** By name or alias, case-insensitive; null if unknown. */
  public static DataFormat named(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    for (DataFormat format : values()) {
      if (format.label.equals(key) || format.aliases.contains(key)) {
        return format;
      }
    }
    return null;
  }

  /** The names a config may use. */
  public static String names() {
    return "auto, lightgcn, tsv, csv, recbole, movielens";
  }

  /** The format a file name implies, or null. */
  public static DataFormat detect(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".inter")) {
      return RECBOLE;
    }
    if (name.endsWith(".dat") || name.endsWith(".data")) {
      return MOVIELENS;
    }
    if (name.endsWith(".txt")) {
      return LIGHTGCN;
    }
    if (name.endsWith(".tsv") || name.endsWith(".csv")) {
      return DELIMITED;
    }
    return null;
  }
}
