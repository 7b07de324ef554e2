package org.rankcf.framework.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.spi.Optimizer;
import org.rankcf.framework.spi.Model;

/**
 * Saves and restores a trainer between epochs: parameters, the optimiser's step count and named state arrays, the best epoch's
 * parameters, the schedule and early-stopping counters and the epoch records. Because every epoch's
 * randomness derives from (seed, epoch), a run resumed from a checkpoint ends exactly as an uninterrupted
 * one with the same seed and thread count. The file is written to a temp name and renamed.
 */
public final class Checkpoint {
  private static final int MAGIC = 0x52434b34; // "RCK4": optimiser state as named arrays

  private Checkpoint() {}

  public static void save(Path file, Trainer trainer) throws IOException {
    Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
    TrainerState s = trainer.state();
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 20))) {
      out.writeInt(MAGIC);
      out.writeInt(s.epoch);
      out.writeBoolean(s.inWarm);
      out.writeInt(s.switchEpoch);
      out.writeInt(s.sinceBest);
      out.writeInt(s.warmSinceBest);
      out.writeBoolean(s.stopped);
      out.writeDouble(s.bestScore);
      out.writeDouble(s.tuneBestScore);
      out.writeInt(s.bestEpoch);
      writeMap(out, s.bestValidation);
      out.writeDouble(s.elapsedSeconds);
      out.writeInt(s.records.size());
      for (EpochRecord r : s.records) {
        writeRecord(out, r);
      }
      Model model = trainer.model();
      List<EmbeddingTable> params = model.parameters();
      out.writeInt(params.size());
      for (int t = 0; t < params.size(); t++) {
        writeFloats(out, params.get(t).data());
        writeFloats(out, s.best.get(t).data());
      }
      writeOptimizer(out, trainer.optimizer());
    }
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Restores a trainer built from the same config; {@link Trainer#fit()} then continues after the saved epoch. */
  public static void restore(Path file, Trainer trainer) throws IOException {
    TrainerState s = trainer.state();
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
      if (in.readInt() != MAGIC) {
        throw new IOException(file + ": not a checkpoint of this rankcf version (delete it to start the run afresh)");
      }
      s.epoch = in.readInt();
      s.inWarm = in.readBoolean();
      s.switchEpoch = in.readInt();
      s.sinceBest = in.readInt();
      s.warmSinceBest = in.readInt();
      s.stopped = in.readBoolean();
      s.bestScore = in.readDouble();
      s.tuneBestScore = in.readDouble();
      s.bestEpoch = in.readInt();
      s.bestValidation = readMap(in);
      s.elapsedSeconds = in.readDouble();
      int records = in.readInt();
      s.records.clear();
      for (int r = 0; r < records; r++) {
        s.records.add(readRecord(in));
      }
      List<EmbeddingTable> params = trainer.model().parameters();
      if (in.readInt() != params.size()) {
        throw new IOException(file + ": the checkpoint is of another model");
      }
      for (int t = 0; t < params.size(); t++) {
        readFloats(in, params.get(t).data(), file);
        readFloats(in, s.best.get(t).data(), file);
      }
      readOptimizer(in, trainer.optimizer(), file);
    }
    trainer.model().forward();
  }

  /** The optimiser's step count and its state arrays by name, whatever the optimiser. */
  private static void writeOptimizer(DataOutputStream out, Optimizer optimizer) throws IOException {
    out.writeLong(optimizer.steps());
    out.writeInt(optimizer.state().size());
    for (Map.Entry<String, float[]> e : optimizer.state().entrySet()) {
      out.writeUTF(e.getKey());
      writeFloats(out, e.getValue());
    }
  }

  private static void readOptimizer(DataInputStream in, Optimizer optimizer, Path file) throws IOException {
    optimizer.setSteps(in.readLong());
    int count = in.readInt();
    if (count != optimizer.state().size()) {
      throw new IOException(file + ": the checkpoint holds " + count + " optimiser state arrays, the configured "
          + "optimiser " + optimizer.state().size() + " (was it written with another train.optimizer?)");
    }
    for (Map.Entry<String, float[]> e : optimizer.state().entrySet()) {
      String name = in.readUTF();
      if (!name.equals(e.getKey())) {
        throw new IOException(file + ": the checkpoint's optimiser state '" + name + "' is not the configured "
            + "optimiser's '" + e.getKey() + "' (was it written with another train.optimizer?)");
      }
      readFloats(in, e.getValue(), file);
    }
  }

  private static void writeRecord(DataOutputStream out, EpochRecord r) throws IOException {
    out.writeInt(r.epoch());
    out.writeUTF(r.phase());
    out.writeDouble(r.loss());
    writeMap(out, r.terms());
    writeMap(out, r.validation());
    out.writeDouble(r.userStableRank());
    out.writeDouble(r.itemStableRank());
    out.writeDouble(r.userEffectiveRank());
    out.writeDouble(r.itemEffectiveRank());
    writeDoubles(out, r.userSpectrum());
    writeDoubles(out, r.itemSpectrum());
    out.writeDouble(r.trainSeconds());
    writeMap(out, r.termSeconds());
    out.writeDouble(r.updateSeconds());
    out.writeDouble(r.evalSeconds());
    out.writeDouble(r.elapsedSeconds());
    out.writeBoolean(r.improved());
  }

  private static EpochRecord readRecord(DataInputStream in) throws IOException {
    return new EpochRecord(in.readInt(), in.readUTF(), in.readDouble(), readMap(in), readMap(in), in.readDouble(),
        in.readDouble(), in.readDouble(), in.readDouble(), readDoubles(in), readDoubles(in), in.readDouble(),
        readMap(in), in.readDouble(), in.readDouble(), in.readDouble(), in.readBoolean());
  }

  private static void writeMap(DataOutputStream out, Map<String, Double> map) throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<String, Double> e : map.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeDouble(e.getValue());
    }
  }

  private static Map<String, Double> readMap(DataInputStream in) throws IOException {
    int n = in.readInt();
    Map<String, Double> map = new LinkedHashMap<>();
    for (int k = 0; k < n; k++) {
      map.put(in.readUTF(), in.readDouble());
    }
    return map;
  }

  private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
    out.writeInt(values.length);
    for (double v : values) {
      out.writeDouble(v);
    }
  }

  private static double[] readDoubles(DataInputStream in) throws IOException {
    double[] values = new double[in.readInt()];
    for (int k = 0; k < values.length; k++) {
      values[k] = in.readDouble();
    }
    return values;
  }

  private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
    out.writeInt(values.length);
    byte[] buffer = new byte[values.length * 4];
    java.nio.ByteBuffer.wrap(buffer).asFloatBuffer().put(values);
    out.write(buffer);
  }

  private static void readFloats(DataInputStream in, float[] into, Path file) throws IOException {
    int n = in.readInt();
    if (n != into.length) {
      throw new IOException(file + ": a table has " + n + " values, the model " + into.length);
    }
    byte[] buffer = new byte[n * 4];
    in.readFully(buffer);
    java.nio.ByteBuffer.wrap(buffer).asFloatBuffer().get(into);
  }
}
