package org.rankcf.framework.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.model.Initializer;
import org.rankcf.framework.model.MatrixFactorization;
import org.rankcf.framework.optim.Sgd;
import org.rankcf.framework.optim.SgdConfig;
import org.rankcf.framework.sampler.SamplerConfig;
import org.rankcf.framework.sampler.UniformSampler;
import org.rankcf.framework.spi.Loss;
import org.rankcf.framework.util.Parallel;

/** A checkpoint that is damaged or of another version is refused, whole, with one line naming the file. */
class CheckpointIntegrityTest {
  private static final Interactions TRAIN = pairs();
  /** Header: magic, version, payload length, CRC32C; the payload starts with the epoch. */
  private static final int VERSION_AT = 4;
  private static final int EPOCH_AT = 20;

  /** Pulls every score toward zero; any gradient will do, the test is about the file. */
  private static final Loss SHRINK = new Loss() {
    @Override
    public boolean usesNegatives() {
      return false;
    }

    @Override
    public double valueAndGradient(org.rankcf.framework.batch.Batch b, double weight) {
      for (int k = 0; k < b.users().length; k++) {
        b.userGrad()[k] += (float) (weight * b.users()[k]);
      }
      return 0.0;
    }
  };

  /** A version-5 file written by this test's trainer: a format change must be a conscious one. */
  @Test
  void goldenCheckpointStillReads(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("checkpoint.bin");
    try (InputStream in = getClass().getResourceAsStream("/checkpoint-v5.bin")) {
      Files.write(file, in.readAllBytes());
    }
    Trainer restored = trainer(3);
    Checkpoint.restore(file, restored);
    assertThat(restored.state().records()).hasSize(2);
    assertThat(restored.model().parameters().get(0).data())
        .containsExactly(trained(2).model().parameters().get(0).data());
  }

  @Test
  void truncatedCheckpointIsRefused(@TempDir Path dir) throws IOException {
    Path file = damaged(dir, bytes -> java.util.Arrays.copyOf(bytes, bytes.length - 7));
    assertRefused(file, "damaged checkpoint");
  }

  @Test
  void checkpointCutInsideItsHeaderIsRefused(@TempDir Path dir) throws IOException {
    assertRefused(damaged(dir, bytes -> java.util.Arrays.copyOf(bytes, 10)), "too short for its header");
  }

  @Test
  void garbledCheckpointIsRefused(@TempDir Path dir) throws IOException {
    Path file = damaged(dir, bytes -> {
      new SplittableRandom(5).nextBytes(bytes);
      return bytes;
    });
    assertRefused(file, "not a rankcf checkpoint");
  }

  @Test
  void flippedByteIsCaughtByTheChecksum(@TempDir Path dir) throws IOException {
    Path file = damaged(dir, bytes -> {
      bytes[bytes.length / 2] ^= 0x10;
      return bytes;
    });
    assertRefused(file, "checksum mismatch");
  }

  @Test
  void corruptedEpochFieldIsCaughtByTheChecksum(@TempDir Path dir) throws IOException {
    Path file = damaged(dir, bytes -> {
      ByteBuffer.wrap(bytes).putInt(EPOCH_AT, 1_000_000);
      return bytes;
    });
    assertRefused(file, "checksum mismatch");
  }

  @Test
  void otherVersionIsNamed(@TempDir Path dir) throws IOException {
    Path file = damaged(dir, bytes -> {
      ByteBuffer.wrap(bytes).putInt(VERSION_AT, 9);
      return bytes;
    });
    assertRefused(file, "checkpoint of version 9, this rankcf reads version 5");
  }

  @Test
  void headerlessVersionFourIsNamed(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("checkpoint.bin");
    Files.write(file, new byte[] {'R', 'C', 'K', '4', 0, 0, 0, 2});
    assertRefused(file, "checkpoint of version 4");
  }

  @Test
  void savingKeepsThePreviousCheckpointIntact(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("checkpoint.bin");
    Checkpoint.save(file, trained(1));
    byte[] first = Files.readAllBytes(file);
    Checkpoint.save(file, trained(2));
    assertThat(Files.readAllBytes(Checkpoint.previous(file))).isEqualTo(first);
    Checkpoint.verify(file);
    Trainer fromPrevious = trainer(3);
    Checkpoint.restore(Checkpoint.previous(file), fromPrevious);
    assertThat(fromPrevious.state().records()).hasSize(1);
  }

  /** The error is one line naming the file, and the trainer is left as it was built. */
  private static void assertRefused(Path file, String reason) {
    Trainer fresh = trainer(3);
    float[] before = fresh.model().parameters().get(0).data().clone();
    assertThatThrownBy(() -> Checkpoint.restore(file, fresh)).isInstanceOf(Checkpoint.CheckpointException.class)
        .hasMessageStartingWith(file.toString()).hasMessageContaining(reason).hasMessageNotContaining("\n");
    assertThat(fresh.state().records()).isEmpty();
    assertThat(fresh.model().parameters().get(0).data()).containsExactly(before);
  }

  private static Path damaged(Path dir, UnaryOperator<byte[]> damage) throws IOException {
    Path file = dir.resolve("checkpoint.bin");
    Checkpoint.save(file, trained(2));
    Files.write(file, damage.apply(Files.readAllBytes(file)));
    return file;
  }

  private static Trainer trained(int epochs) {
    Trainer trainer = trainer(epochs);
    trainer.fit();
    return trainer;
  }

  private static Trainer trainer(int epochs) {
    MatrixFactorization mf = new MatrixFactorization(TRAIN.numUsers(), TRAIN.numItems(), 3,
        new Initializer("normal", 0.5), 7);
    TrainerConfig config = new TrainerConfig(epochs, 32, 1, 10, "ndcg@20", 4, 0);
    Phase phase = new Phase(PhaseKind.TUNE, "shrink", SHRINK, List.of());
    int[] epoch = {0};
    return new Trainer(config, Schedule.tuneOnly(phase), mf, new UniformSampler(TRAIN, SamplerConfig.DEFAULTS),
        new Sgd(new SgdConfig(0.1, 0, false, 0, false, List.of(), 0.1), mf.parameters()),
        model -> Map.of("ndcg@20", (double) ++epoch[0]), TRAIN, Parallel.serial());
  }

  private static Interactions pairs() {
    SplittableRandom random = new SplittableRandom(3);
    return Interactions.fromPairs(12, 9, random.ints(40, 0, 12).toArray(), random.ints(40, 0, 9).toArray());
  }
}
