package org.rankcf.experiments.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.rankcf.experiments.run.RunDirectory;
import org.rankcf.experiments.sweep.EffectMap;
import org.rankcf.framework.util.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rankcf map DIR --x AXIS --y AXIS --compare BASE,TREAT}: the treatment's effect over two axes of a
 * finished sweep, as two SVG heatmaps (test metric, epochs to best) and a Markdown table; several pairs (given
 * in one list or by repeating the option) each get their own.
 */
@Command(name = "map", mixinStandardHelpOptions = true,
    description = "Heatmaps of a treatment's effect over two axes of a finished sweep.")
final class MapCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "A finished sweep folder (with results.json).")
  Path dir;

  @Option(names = "--x", required = true, paramLabel = "AXIS", description = "The axis across (e.g. train.optimizer.lr).")
  String x;

  @Option(names = "--y", paramLabel = "AXIS", description = "The axis up (e.g. train.sampler.negatives); none: one row.")
  String y;

  @Option(names = "--select-over", split = ",", paramLabel = "AXIS",
      description = "Axes to select over per cell, seed and variant by the validation metric (e.g. train.optimizer.weight-decay).")
  List<String> selectOver = List.of();

  @Option(names = "--compare", required = true, split = ",", paramLabel = "BASE,TREAT",
      description = "The baseline and the treatment variant; more pairs draw more maps.")
  List<String> compare;

  @Option(names = "--metric", paramLabel = "METRIC", description = "The test metric (default: ${DEFAULT-VALUE}).")
  String metric = "ndcg@20";

  @Option(names = "--out", paramLabel = "DIR", description = "Where the SVG files go (default: the sweep folder).")
  Path out;

  @Override
  public Integer call() {
    if (compare.size() % 2 != 0) {
      throw new UserInputException("--compare: give variants in pairs, BASE,TREAT (got " + compare + ")");
    }
    // every pair is read before anything is written, so a bad pair leaves no maps of the good ones behind
    List<EffectMap> maps = new ArrayList<>();
    for (int i = 0; i < compare.size(); i += 2) {
      maps.add(EffectMap.of(dir, x, y, selectOver, compare.get(i), compare.get(i + 1), metric));
    }
    Path target = out == null ? dir : out;
    try {
      Files.createDirectories(target);
    } catch (IOException e) {
      throw new UserInputException(target + ": cannot create the folder (" + e.getMessage() + ")");
    }
    var printer = spec.commandLine().getOut();
    for (int i = 0; i < maps.size(); i++) {
      EffectMap map = maps.get(i);
      String stem = "map-" + RunDirectory.safeName(compare.get(2 * i) + "-vs-" + compare.get(2 * i + 1));
      Path metricSvg = target.resolve(stem + "-" + RunDirectory.safeName(metric) + ".svg");
      Path epochsSvg = target.resolve(stem + "-epochs.svg");
      RunDirectory.writeAtomically(metricSvg, map.metricHeatmap().svg());
      RunDirectory.writeAtomically(epochsSvg, map.epochsHeatmap().svg());
      printer.print(map.markdown());
      printer.println(metricSvg);
      printer.println(epochsSvg);
      printer.println();
    }
    printer.flush();
    return 0;
  }
}
