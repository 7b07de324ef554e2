package org.rankcf.experiments.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.stream.Stream;
import org.rankcf.framework.util.ConfigException;
import org.rankcf.framework.util.FolderLock;
import org.rankcf.framework.util.IoErrors;
import org.rankcf.reports.schema.RunJson;

/**
 * A run's output folder. Everything is written into a hidden {@code .name.partial} folder that is renamed
 * to its final name only when the run succeeds, and deleted when it fails: a reader never sees a
 * half-written run, and no existing folder is ever overwritten.
 */
public final class RunDirectory implements AutoCloseable {
  private final Path partial;
  private final Path target;
  private final FolderLock lock;
  private boolean keepOnFailure;
  private boolean committed;

  private RunDirectory(Path partial, Path target, boolean keepOnFailure, FolderLock lock) {
    this.partial = partial;
    this.target = target;
    this.keepOnFailure = keepOnFailure;
    this.lock = lock;
  }

  /**
   * A run folder with a fixed name for resumable runs (sweeps): an existing {@code .name.partial} folder is
   * reused with its checkpoint, and kept when the run fails so that the next attempt resumes it. One
   * process at a time: the lock file {@code .name.lock} beside it (it must survive the rename) refuses a
   * second one, naming the first.
   */
  public static RunDirectory resumable(Path parent, String name) {
    Path partial = parent.resolve("." + name + ".partial");
    FolderLock lock = FolderLock.acquire(parent.resolve(name), parent.resolve("." + name + ".lock"), "run");
    try {
      Files.createDirectories(partial);
    } catch (IOException e) {
      lock.close();
      throw IoErrors.at(partial, "create", e);
    }
    return new RunDirectory(partial, parent.resolve(name), true, lock);
  }

  /**
   * A run name made safe for a folder name: characters other than letters, digits, '.', '_' and '-' become
   * '_'; a name that would still escape its parent folder ("", ".", "..") is refused.
   */
  public static String safeName(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
    if (safe.isEmpty() || safe.chars().allMatch(c -> c == '.')) {
      throw new ConfigException("name", "'" + name + "' cannot name a run folder: use letters, digits, '.', '_' or '-'");
    }
    return safe;
  }

  /** Deletes a run folder for good (a finished run that {@code --discard-changed} replaces). */
  public static void discard(Path folder) {
    deleteTree(folder);
  }

  /** Keeps the partial folder even if the run fails from here on: training is done and must not be lost. */
  public void keepOnFailure() {
    keepOnFailure = true;
  }

  /** A new run folder {@code parent/name-yyyyMMdd-HHmmss[-n]}. */
  public static RunDirectory create(Path parent, String name) {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    String safe = safeName(name);
    try {
      Files.createDirectories(parent);
      for (int n = 0; ; n++) {
        String base = safe + "-" + stamp + (n == 0 ? "" : "-" + n);
        Path target = parent.resolve(base);
        Path partial = parent.resolve("." + base + ".partial");
        if (Files.exists(target)) {
          continue;
        }
        try {
          Files.createDirectory(partial);
          return new RunDirectory(partial, target, false, null);
        } catch (FileAlreadyExistsException e) {
          // another process took this name in the same second; try the next suffix
        }
      }
    } catch (IOException e) {
      throw IoErrors.at(parent, "create a run folder in", e);
    }
  }

  /** Where files go while the run is under way. */
  public Path path() {
    return partial;
  }

  /** The folder's name once committed. */
  public Path target() {
    return target;
  }

  /** Writes a file atomically (temp name, then rename) inside the run folder. */
  public void writeString(String file, String content) {
    writeAtomically(partial.resolve(file), content);
  }

  /** Writes a JSON file in the run record's format ({@link RunJson}). */
  public void writeJson(String file, Object value) {
    writeString(file, RunJson.document(value));
  }

  /** Whether the partial folder holds the file (a checkpoint from an interrupted attempt). */
  public boolean has(String file) {
    return Files.exists(partial.resolve(file));
  }

  /** Deletes a file of the partial folder if present. */
  public void delete(String file) {
    try {
      Files.deleteIfExists(partial.resolve(file));
    } catch (IOException e) {
      throw IoErrors.at(partial.resolve(file), "delete", e);
    }
  }

  /** Appends one line, ending in a newline (trajectory.jsonl). */
  public void appendLine(String file, String line) {
    try {
      Files.writeString(partial.resolve(file), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw IoErrors.at(partial.resolve(file), "append to", e);
    }
  }

  /** Renames the partial folder to its final name. */
  public Path commit() {
    try {
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      try {
        Files.move(partial, target);
      } catch (IOException io) {
        throw IoErrors.at(target, "move the finished run to", io);
      }
    } catch (IOException e) {
      throw IoErrors.at(target, "move the finished run to", e);
    }
    committed = true;
    return target;
  }

  /** Deletes the partial folder unless the run was committed or is to be kept; releases the lock. */
  @Override
  public void close() {
    try {
      if (!committed && !keepOnFailure) {
        deleteTree(partial);
      }
    } finally {
      if (lock != null) {
        lock.close();
      }
    }
  }

  /** Writes content to a file through a temp file in the same folder and a rename. */
  public static void writeAtomically(Path file, String content) {
    try {
      Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw IoErrors.at(file, "write", e);
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
