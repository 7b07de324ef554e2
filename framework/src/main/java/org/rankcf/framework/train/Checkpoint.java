package org.rankcf.framework.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.rankcf.framework.model.EmbeddingTable;
import org.rankcf.framework.spi.Optimizer;
import org.rankcf.framework.spi.Model;

/**
 * Saves and restores a trainer between epochs: parameters, the optimiser's step count and named state arrays, the best epoch's
 * parameters, the schedule and early-stopping counters, the epoch records, for a loss that keeps state
 * ({@link org.rankcf.framework.spi.LossState}) its named arrays, and when the loss owns parameters
 * ({@link org.rankcf.framework.spi.ParameterizedLoss}) those and their optimisers' state (sections written
 * only then, so the files of other runs are as before). Because every epoch's
 * randomness derives from (seed, epoch), a run resumed from a checkpoint ends exactly as an uninterrupted
 * one with the same seed and thread count.
 *
 * <p>The file is a header (magic, format version, payload length, CRC32C of the payload) and the payload.
 * A file that is damaged, truncated or of another version is refused with a {@link CheckpointException}
 * before the trainer is touched. The file is written to a temp name and renamed; the checkpoint it
 * replaces is first renamed to {@link #previous(Path)}, so a crash at any moment leaves an intact one.
 */
public final class Checkpoint {
  private static final int MAGIC = 0x52434b50; // "RCKP"
  /** Version 4 files (magic "RCK4") had no header; they are recognised to name their version. */
  private static final int MAGIC_V4 = 0x52434b34;
  public static final int VERSION = 5;
  private static final int HEADER_BYTES = 4 + 4 + 8 + 4;
  /** Tags the optional section of the losses' own parameters, after the optimiser's state. */
  private static final String OWN_PARAMETERS = "loss-parameters";

  private Checkpoint() {}

  /** Where {@link #save} keeps the checkpoint it replaces. */
  public static Path previous(Path file) {
    return file.resolveSibling(file.getFileName() + ".previous");
  }

  public static void save(Path file, Trainer trainer) throws IOException {
    Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
    CRC32C crc = new CRC32C();
    long length;
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      channel.write(ByteBuffer.allocate(HEADER_BYTES), 0);
      channel.position(HEADER_BYTES);
      CountingStream counter = new CountingStream(new CheckedOutputStream(
          java.nio.channels.Channels.newOutputStream(channel), crc));
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(counter, 1 << 20));
      writePayload(out, trainer);
      out.flush();
      length = counter.count;
      ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
      header.putInt(MAGIC).putInt(VERSION).putLong(length).putInt((int) crc.getValue()).flip();
      channel.write(header, 0);
      channel.force(true);
    }
    if (Files.exists(file)) {
      Files.move(file, previous(file), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void writePayload(DataOutputStream out, Trainer trainer) throws IOException {
    TrainerState s = trainer.state();
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
    Map<String, float[]> lossState = trainer.lossState();
    if (!lossState.isEmpty()) {
      writeNamedArrays(out, lossState);
    }
    writeOwnParameters(out, trainer.ownParameters());
  }

  /**
   * Restores a trainer built from the same config; {@link Trainer#fit()} then continues after the saved epoch.
   * The header and checksum are verified before anything is restored.
   */
  public static void restore(Path file, Trainer trainer) throws IOException {
    verify(file);
    TrainerState s = trainer.state();
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
      in.skipNBytes(HEADER_BYTES);
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
      Map<String, float[]> lossState = trainer.lossState();
      if (!lossState.isEmpty()) {
        readNamedArrays(in, lossState, "loss state", "train.loss", file);
      }
      readOwnParameters(in, trainer.ownParameters(), file);
    }
    trainer.model().forward();
  }

  /** Checks the header, the payload's length and its CRC32C; a mismatch is a one-line {@link CheckpointException}. */
  public static void verify(Path file) throws IOException {
    long size = Files.size(file);
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
      if (size < 4) {
        throw new CheckpointException(file + ": damaged checkpoint (" + size + " bytes, too short for its header)");
      }
      int magic = in.readInt();
      if (magic == MAGIC_V4) {
        throw new CheckpointException(file + ": checkpoint of version 4, this rankcf reads version " + VERSION);
      }
      if (magic != MAGIC) {
        throw new CheckpointException(file + ": not a rankcf checkpoint (damaged header)");
      }
      if (size < HEADER_BYTES) {
        throw new CheckpointException(file + ": damaged checkpoint (" + size + " bytes, too short for its header)");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new CheckpointException(file + ": checkpoint of version " + version + ", this rankcf reads version "
            + VERSION);
      }
      long length = in.readLong();
      int expected = in.readInt();
      if (length != size - HEADER_BYTES) {
        throw new CheckpointException(file + ": damaged checkpoint (its header gives " + length
            + " payload bytes, the file holds " + (size - HEADER_BYTES) + ")");
      }
      CRC32C crc = new CRC32C();
      try (CheckedInputStream payload = new CheckedInputStream(in, crc)) {
        payload.transferTo(OutputStream.nullOutputStream());
      }
      if ((int) crc.getValue() != expected) {
        throw new CheckpointException(file + ": damaged checkpoint (checksum mismatch)");
      }
    } catch (EOFException e) {
      throw new CheckpointException(file + ": damaged checkpoint (truncated)");
    }
  }

  /** A checkpoint that cannot be used as it is: damaged, truncated or of another format version. */
  public static final class CheckpointException extends IOException {
    private static final long serialVersionUID = 1L;

    CheckpointException(String message) {
      super(message);
    }
  }

  /** Counts the payload bytes written, for the header's length field. */
  private static final class CountingStream extends java.io.FilterOutputStream {
    long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }

  /** The optimiser's step count and its state arrays by name, whatever the optimiser. */
  private static void writeOptimizer(DataOutputStream out, Optimizer optimizer) throws IOException {
    out.writeLong(optimizer.steps());
    writeNamedArrays(out, optimizer.state());
  }

  private static void writeNamedArrays(DataOutputStream out, Map<String, float[]> arrays) throws IOException {
    out.writeInt(arrays.size());
    for (Map.Entry<String, float[]> e : arrays.entrySet()) {
      out.writeUTF(e.getKey());
      writeFloats(out, e.getValue());
    }
  }

  private static void readOptimizer(DataInputStream in, Optimizer optimizer, Path file) throws IOException {
    optimizer.setSteps(in.readLong());
    readNamedArrays(in, optimizer.state(), "optimiser state", "train.optimizer", file);
  }

  /** Reads arrays written by {@link #writeNamedArrays} into {@code arrays}, whose names must match in order. */
  private static void readNamedArrays(DataInputStream in, Map<String, float[]> arrays, String what, String key,
      Path file) throws IOException {
    int count;
    try {
      count = in.readInt();
    } catch (EOFException e) {
      count = 0;
    }
    String owner = what.substring(0, what.indexOf(' '));
    String hint = " (was it written with another " + key + "?)";
    if (count != arrays.size()) {
      throw new IOException(file + ": the checkpoint holds " + count + " " + what + " arrays, the configured "
          + owner + " " + arrays.size() + hint);
    }
    for (Map.Entry<String, float[]> e : arrays.entrySet()) {
      String name = in.readUTF();
      if (!name.equals(e.getKey())) {
        throw new IOException(file + ": the checkpoint's " + what + " '" + name + "' is not the configured "
            + owner + "'s '" + e.getKey() + "'" + hint);
      }
      readFloats(in, e.getValue(), file);
    }
  }

  /**
   * The losses' own parameter groups, each its tables and its optimiser, after a section tag; nothing when
   * the losses own none, so such a run's file is byte for byte what it was before losses could own any.
   */
  private static void writeOwnParameters(DataOutputStream out, List<OwnParameterUpdates.Stepped> groups)
      throws IOException {
    if (groups.isEmpty()) {
      return;
    }
    out.writeUTF(OWN_PARAMETERS);
    out.writeInt(groups.size());
    for (OwnParameterUpdates.Stepped s : groups) {
      out.writeUTF(s.group().name());
      out.writeInt(s.group().tables().size());
      for (EmbeddingTable table : s.group().tables()) {
        writeFloats(out, table.data());
      }
      writeOptimizer(out, s.optimizer());
    }
  }

  private static void readOwnParameters(DataInputStream in, List<OwnParameterUpdates.Stepped> groups, Path file)
      throws IOException {
    String tag = readTag(in);
    if (groups.isEmpty()) {
      if (tag != null) {
        throw new IOException(file + ": the checkpoint holds a loss's own parameters, the configured loss owns none"
            + " (was it written with another train.loss?)");
      }
      return;
    }
    int count = OWN_PARAMETERS.equals(tag) ? in.readInt() : 0;
    if (count != groups.size()) {
      throw new IOException(file + ": the checkpoint holds " + count + " loss parameter groups, the configured loss "
          + groups.size() + " (was it written with another train.loss?)");
    }
    for (OwnParameterUpdates.Stepped s : groups) {
      String name = in.readUTF();
      int tables = in.readInt();
      if (!name.equals(s.group().name()) || tables != s.group().tables().size()) {
        throw new IOException(file + ": the checkpoint's loss parameter group '" + name + "' is not the configured "
            + "loss's '" + s.group().name() + "' (was it written with another train.loss?)");
      }
      for (EmbeddingTable table : s.group().tables()) {
        readFloats(in, table.data(), file);
      }
      readOptimizer(in, s.optimizer(), file);
    }
  }

  /** The next section tag, or null at the end of the payload. */
  private static String readTag(DataInputStream in) throws IOException {
    try {
      return in.readUTF();
    } catch (EOFException e) {
      return null;
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
