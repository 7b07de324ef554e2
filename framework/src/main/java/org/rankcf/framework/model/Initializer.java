package org.rankcf.framework.model;

import java.util.List;
import java.util.SplittableRandom;
import org.rankcf.framework.util.ConfigException;

/**
 * How embedding tables start: N(0, std^2) ({@code normal}; std 1 is the paper's code, 0.1 the common
 * LightGCN code), Xavier-uniform ({@code xavier} or {@code xavier-uniform}: U(-a, a) with
 * a = sqrt(6 / (rows + dim)), as PyTorch's xavier_uniform_ on an embedding weight of shape rows x dim) or
 * Xavier-normal ({@code xavier-normal}: N(0, 2 / (rows + dim)), PyTorch's xavier_normal_). The Xavier scales
 * are per table, from its own row count; {@code init-std} applies to {@code normal} only.
 */
public record Initializer(String kind, double std) {
  private static final List<String> KINDS = List.of("normal", "xavier", "xavier-uniform", "xavier-normal");
  public static final Initializer PAPER = new Initializer("normal", 1.0);

  public Initializer {
    if (!KINDS.contains(kind)) {
      throw new ConfigException("init", "must be one of " + String.join(", ", KINDS) + " (got '" + kind + "')");
    }
    if (!(std > 0) || Double.isInfinite(std)) {
      throw new ConfigException("init-std", "must be > 0 (got " + std + ")");
    }
  }

  /** Fills the table from the given stream. */
  public void fill(EmbeddingTable table, SplittableRandom random) {
    float[] data = table.data();
    if (kind.equals("xavier") || kind.equals("xavier-uniform")) {
      double bound = Math.sqrt(6.0 / (table.rows() + table.dim()));
      for (int t = 0; t < data.length; t++) {
        data[t] = (float) ((2 * random.nextDouble() - 1) * bound);
      }
    } else {
      double scale = kind.equals("xavier-normal") ? Math.sqrt(2.0 / (table.rows() + table.dim())) : std;
      for (int t = 0; t < data.length; t += 2) {
        // Box-Muller: two independent normals per pair of uniforms
        double radius = scale * Math.sqrt(-2 * Math.log(1 - random.nextDouble()));
        double angle = 2 * Math.PI * random.nextDouble();
        data[t] = (float) (radius * Math.cos(angle));
        if (t + 1 < data.length) {
          data[t + 1] = (float) (radius * Math.sin(angle));
        }
      }
    }
  }
}
