package org.rankcf.framework.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes racing on one folder: one wins, the other is refused naming it; a killed holder's lock is taken over. */
class FolderLockTest {
  @TempDir
  Path dir;

  /** A child process: locks the folder, prints "locked" or the refusal, then waits until stdin closes. */
  public static final class Holder {
    public static void main(String[] args) throws IOException {
      try (FolderLock lock = FolderLock.acquire(Path.of(args[0]), "test holder")) {
        System.out.println("locked");
        System.out.flush();
        while (System.in.read() >= 0) {
          // hold the lock until the parent closes our stdin or kills us
        }
      } catch (UserInputException e) {
        System.out.println("refused: " + e.getMessage());
      }
    }
  }

  private static Process holder(Path folder) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Holder.class.getName(), folder.toString())
        .redirectErrorStream(true).start();
  }

  private static String firstLine(Process p) throws IOException {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
  }

  @Test
  void aSecondProcessIsRefusedNamingTheHolderAndAKilledHoldersLockIsTakenOver() throws Exception {
    Path folder = dir.resolve("sweep");
    Process first = holder(folder);
    assertThat(firstLine(first)).isEqualTo("locked");
    String pid = "pid " + first.pid() + " ";
    assertThatThrownBy(() -> FolderLock.acquire(folder, "sweep")).isInstanceOf(UserInputException.class)
        .hasMessageContaining(folder + ": in use by another sweep (test holder, " + pid).hasMessageContaining(" since ");
    Process second = holder(folder);
    assertThat(firstLine(second)).startsWith("refused: ").contains(pid);
    second.waitFor(30, TimeUnit.SECONDS);

    first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    try (FolderLock lock = FolderLock.acquire(folder, "sweep")) {
      assertThat(lock.previousHolder()).as("the crashed holder's line was still there").contains(pid);
    }
    try (FolderLock again = FolderLock.acquire(folder, "sweep")) {
      assertThat(again.previousHolder()).as("a clean release leaves no holder line").isEmpty();
    }
  }

  @Test
  void ofProcessesStartedTogetherExactlyOneHoldsTheLock() throws Exception {
    Path folder = dir.resolve("race");
    List<Process> racers = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      racers.add(holder(folder));
    }
    int locked = 0;
    for (Process p : racers) {
      String line = firstLine(p);
      if ("locked".equals(line)) {
        locked++;
      } else {
        assertThat(line).startsWith("refused: " + folder + ": in use by another test holder");
      }
    }
    for (Process p : racers) {
      p.getOutputStream().close();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(locked).isEqualTo(1);
  }

  @Test
  void withinOneProcessTheSecondAcquireIsRefused() {
    Path folder = dir.resolve("same");
    try (FolderLock lock = FolderLock.acquire(folder, "run")) {
      assertThatThrownBy(() -> FolderLock.acquire(folder, "run")).hasMessageContaining("in use by another run (run, pid "
          + ProcessHandle.current().pid());
    }
  }
}
