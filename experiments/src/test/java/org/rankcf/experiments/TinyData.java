package org.rankcf.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** A small TSV data set with six overlapping taste groups: learnable in a few epochs. */
final class TinyData {
  private TinyData() {}

  /** Writes train.tsv and test.tsv into {@code dir} and returns it. */
  static Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    SplittableRandom random = new SplittableRandom(1);
    StringBuilder train = new StringBuilder();
    StringBuilder test = new StringBuilder();
    for (int u = 0; u < 60; u++) {
      for (int k = 0; k < 8; k++) {
        int item = (u % 6) * 7 + random.nextInt(12);
        (k < 6 ? train : test).append(u).append('\t').append(item).append('\n');
      }
    }
    Files.writeString(dir.resolve("train.tsv"), train);
    Files.writeString(dir.resolve("test.tsv"), test);
    return dir;
  }

  /** A run config over the data set (YAML). */
  static String config(Path data, int epochs) {
    return """
        name: tiny
        seed: 7
        threads: 2
        data: {path: %s, split: given, validation: 0.1}
        model: {name: mf, dim: 8, init: normal, init-std: 0.1}
        train:
          epochs: %d
          batch-size: 64
          loss: bpr
          sampler: {name: uniform, negatives: 1}
          optimizer: {lr: 0.01}
        eval: {ks: [5, 20]}
        """.formatted(data, epochs);
  }
}
