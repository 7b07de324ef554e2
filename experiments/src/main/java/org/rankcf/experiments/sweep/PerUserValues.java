package org.rankcf.experiments.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rankcf.experiments.run.TrainingRun;
import org.rankcf.framework.util.UserInputException;

/** A finished run's per-user test values of one metric (its {@link TrainingRun#PER_USER} file). */
final class PerUserValues {
  private PerUserValues() {}

  /** User id to value, in file order; null when the run folder has no per-user file (older runs). */
  static Map<Integer, Double> read(Path runDirectory, String metric) {
    Path file = runDirectory.resolve(TrainingRun.PER_USER);
    if (!Files.exists(file)) {
      return null;
    }
    try {
      List<String> lines = Files.readAllLines(file);
      int column = List.of(lines.get(0).split(",")).indexOf(metric);
      if (column < 0) {
        throw new UserInputException(file + ": no column '" + metric + "' in the header " + lines.get(0));
      }
      Map<Integer, Double> values = new LinkedHashMap<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] cells = line.split(",");
        values.put(Integer.parseInt(cells[0]), Double.parseDouble(cells[column]));
      }
      return values;
    } catch (IOException | RuntimeException e) {
      if (e instanceof UserInputException user) {
        throw user;
      }
      throw new UserInputException(file + ": cannot read per-user values: " + e.getMessage());
    }
  }

  /** The values of the users both maps hold, as aligned arrays {baseline, treatment}. */
  static double[][] paired(Map<Integer, Double> baseline, Map<Integer, Double> treatment) {
    double[] x = baseline.keySet().stream().filter(treatment::containsKey).mapToDouble(baseline::get).toArray();
    double[] y = baseline.keySet().stream().filter(treatment::containsKey).mapToDouble(treatment::get).toArray();
    return new double[][] {x, y};
  }
}
