package org.rankcf.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.rankcf.framework.data.Interactions;

/** Small data files written to a temp folder, and compact views of what the loaders make of them. */
public final class TestFiles {
  private TestFiles() {}

  /** Writes {@code content} to {@code dir/name} (creating folders) and returns the path. */
  public static Path write(Path dir, String name, String content) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The defaults with this path (absolute, so any root works), keeping unseen-in-train pairs: the split
   * tests check the splitters' own output (UnseenPairsTest covers dropping them).
   */
  public static DatasetSpec spec(Path path) {
    return with(DatasetSpec.DEFAULTS.withPath(path.toString()), "unseen", "keep");
  }

  /**
   * A copy of {@code spec} with components changed, given as config keys and values
   * ({@code "id-base", "1", "k-core", 5}); the record's constructor validates the result as the YAML
   * loader's would.
   */
  public static DatasetSpec with(DatasetSpec spec, Object... keysAndValues) {
    Map<String, Object> changes = new HashMap<>();
    for (int k = 0; k < keysAndValues.length; k += 2) {
      changes.put((String) keysAndValues[k], keysAndValues[k + 1]);
    }
    RecordComponent[] components = DatasetSpec.class.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int c = 0; c < components.length; c++) {
      types[c] = components[c].getType();
      String key = components[c].getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
      try {
        args[c] = changes.containsKey(key) ? changes.remove(key) : components[c].getAccessor().invoke(spec);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    if (!changes.isEmpty()) {
      throw new IllegalArgumentException("no keys " + changes.keySet());
    }
    try {
      return DatasetSpec.class.getDeclaredConstructor(types).newInstance(args);
    } catch (InvocationTargetException e) {
      throw (RuntimeException) e.getCause();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads {@code path} with the defaults and one changed key. */
  public static PairData read(Path path, String key, Object value) {
    return DatasetLoader.read(with(spec(path), key, value), path.getRoot());
  }

  /** Reads with the defaults but this path. */
  public static PairData read(Path path) {
    return DatasetLoader.read(spec(path), path.getRoot());
  }

  /** The pairs as "u:i" in CSR order, e.g. {@code [0:1, 0:2, 3:0]}. */
  public static String pairs(Interactions set) {
    StringBuilder out = new StringBuilder("[");
    int[] ptr = set.userPtr();
    for (int u = 0; u < set.numUsers(); u++) {
      for (int p = ptr[u]; p < ptr[u + 1]; p++) {
        out.append(out.length() > 1 ? ", " : "").append(u).append(':').append(set.userItems()[p]);
      }
    }
    return out.append(']').toString();
  }
}
