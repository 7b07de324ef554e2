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
import org.rankcf.experiments.config.Yaml;

/**
 * A run's output folder. Everything is written into a hidden {@code .name.partial} folder that is renamed
 * to its final name only when the run succeeds, and deleted when it fails: a reader never sees a
 * half-written run, and no existing folder is ever overwritten.
 */
public final class RunDirectory implements AutoCloseable {
  private final Path partial;
  private final Path target;
  private final boolean keepOnFailure;
  private boolean committed;

  private RunDirectory(Path partial, Path target, boolean keepOnFailure) {
    this.partial = partial;
    this.target = target;
    this.keepOnFailure = keepOnFailure;
  }

  /**
   * A run folder with a fixed name for resumable runs (sweeps): an existing {@code .name.partial} folder is
   * reused with its checkpoint, and kept when the run fails so that the next attempt resumes it.
   */
  public static RunDirectory resumable(Path parent, String name) {
    Path partial = parent.resolve("." + name + ".partial");
    try {
      Files.createDirectories(partial);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + partial, e);
    }
    return new RunDirectory(partial, parent.resolve(name), true);
  }

  /** A run name made safe for a folder name: characters other than letters, digits, '.', '_' and '-' become '_'. */
  public static String safeName(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
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
          return new RunDirectory(partial, target, false);
        } catch (FileAlreadyExistsException e) {
          // another process took this name in the same second; try the next suffix
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a run folder under " + parent, e);
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

  public void writeJson(String file, Object value) {
    try {
      writeString(file, Yaml.JSON.writeValueAsString(value) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
      throw new UncheckedIOException(e);
    }
  }

  /** Appends one JSON line (trajectory.jsonl). */
  public void appendJsonLine(String file, Object value) {
    try {
      String line = Yaml.JSON.writer().withoutFeatures(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(value) + "\n";
      Files.writeString(partial.resolve(file), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
        throw new UncheckedIOException(io);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    committed = true;
    return target;
  }

  /** Deletes the partial folder unless the run was committed or is resumable. */
  @Override
  public void close() {
    if (!committed && !keepOnFailure) {
      deleteTree(partial);
    }
  }

  /** Writes content to a file through a temp file in the same folder and a rename. */
  public static void writeAtomically(Path file, String content) {
    try {
      Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
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
