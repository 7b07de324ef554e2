package org.rankcf.datasets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.data.SplitData;

/**
 * Summary figures of a split data set, for {@code rankcf datasets stats}.
 *
 * @param users size of the user id space
 * @param items size of the item id space
 * @param activeUsers users with at least one pair in any part
 * @param activeItems items with at least one pair in any part
 * @param allPairs distinct pairs over train, validation and test together
 * @param density allPairs / (users * items)
 * @param userDegrees degree quantiles (over all parts) of the active users
 * @param itemDegrees degree quantiles (over all parts) of the active items
 * @param testUsers users with at least one test pair (those evaluated)
 * @param coldTestUsers test users without a train pair
 * @param coldTestItems items in test without a train pair
 */
public record DatasetStats(
    String name, String protocol, int users, int items, int activeUsers, int activeItems,
    int trainPairs, int validationPairs, int testPairs, int allPairs, double density,
    Quantiles userDegrees, Quantiles itemDegrees, int testUsers, int coldTestUsers, int coldTestItems) {

  /** Nearest-rank quantiles of a degree distribution. */
  public record Quantiles(int min, int p25, int p50, int p75, int p90, int p99, int max) {
    static final String[] LABELS = {"min", "25%", "50%", "75%", "90%", "99%", "max"};

    /** Of the non-zero values; all zero when there are none. */
    static Quantiles ofPositive(int[] values) {
      int[] sorted = Arrays.stream(values).filter(v -> v > 0).sorted().toArray();
      if (sorted.length == 0) {
        return new Quantiles(0, 0, 0, 0, 0, 0, 0);
      }
      return new Quantiles(sorted[0], rank(sorted, 0.25), rank(sorted, 0.5), rank(sorted, 0.75),
          rank(sorted, 0.9), rank(sorted, 0.99), sorted[sorted.length - 1]);
    }

    /** The smallest value with at least a share {@code q} of the values at or below it. */
    private static int rank(int[] sorted, double q) {
      int index = (int) Math.ceil(q * sorted.length - 1e-9) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    int[] values() {
      return new int[] {min, p25, p50, p75, p90, p99, max};
    }
  }

  public static DatasetStats of(SplitData split) {
    Interactions all = split.train().union(split.validation()).union(split.test());
    int[] userDegree = new int[all.numUsers()];
    int[] itemDegree = new int[all.numItems()];
    for (int u = 0; u < userDegree.length; u++) {
      userDegree[u] = all.userDegree(u);
    }
    for (int i = 0; i < itemDegree.length; i++) {
      itemDegree[i] = all.itemDegree(i);
    }
    Interactions train = split.train();
    Interactions test = split.test();
    int coldUsers = 0;
    for (int u = 0; u < test.numUsers(); u++) {
      coldUsers += test.userDegree(u) > 0 && train.userDegree(u) == 0 ? 1 : 0;
    }
    int coldItems = 0;
    for (int i = 0; i < test.numItems(); i++) {
      coldItems += test.itemDegree(i) > 0 && train.itemDegree(i) == 0 ? 1 : 0;
    }
    double cells = (double) all.numUsers() * all.numItems();
    return new DatasetStats(split.name(), split.protocol(), all.numUsers(), all.numItems(), all.activeUsers(),
        all.activeItems(), train.size(), split.validation().size(), test.size(), all.size(),
        cells == 0 ? 0 : all.size() / cells, Quantiles.ofPositive(userDegree), Quantiles.ofPositive(itemDegree),
        test.activeUsers(), coldUsers, coldItems);
  }

  /** A small aligned text table. */
  public String format() {
    StringBuilder out = new StringBuilder();
    out.append(name).append("  ").append(protocol).append('\n');
    out.append(align(List.of(
        new String[] {"", "users", "items"},
        new String[] {"total", count(users), count(items)},
        new String[] {"with pairs", count(activeUsers), count(activeItems)},
        new String[] {"in test", count(testUsers), ""},
        new String[] {"cold in test", count(coldTestUsers), count(coldTestItems)}))).append('\n');
    out.append(align(List.of(
        new String[] {"pairs", "train", "validation", "test", "all", "density"},
        new String[] {"", count(trainPairs), count(validationPairs), count(testPairs), count(allPairs),
            String.format(Locale.ROOT, "%.4f%%", 100 * density)}))).append('\n');
    List<String[]> degrees = new ArrayList<>();
    String[] header = new String[Quantiles.LABELS.length + 1];
    header[0] = "degree";
    System.arraycopy(Quantiles.LABELS, 0, header, 1, Quantiles.LABELS.length);
    degrees.add(header);
    degrees.add(row("users", userDegrees));
    degrees.add(row("items", itemDegrees));
    out.append(align(degrees));
    return out.toString();
  }

  private static String[] row(String label, Quantiles q) {
    int[] values = q.values();
    String[] row = new String[values.length + 1];
    row[0] = label;
    for (int k = 0; k < values.length; k++) {
      row[k + 1] = count(values[k]);
    }
    return row;
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** Rows padded to common column widths: the first column left-aligned, the others right-aligned. */
  private static String align(List<String[]> rows) {
    int columns = rows.get(0).length;
    int[] width = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder(String.format("%-" + width[0] + "s", row[0]));
      for (int c = 1; c < columns; c++) {
        line.append("  ").append(String.format("%" + width[c] + "s", row[c]));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
