package org.rankcf.framework.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find the repository root and the shared real data sets ({@code ../shared/data}). */
public final class DataPaths {
  private DataPaths() {}

  /** The repository root (the folder holding the reactor pom), from -Drankcf.root or by walking up. */
  public static Path root() {
    String property = System.getProperty("rankcf.root");
    if (property != null && Files.isDirectory(Path.of(property))) {
      return Path.of(property).toAbsolutePath().normalize();
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("framework")) && Files.exists(dir.resolve("pom.xml"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("cannot find the rankcf repository root");
  }

  /** {@code ../shared/data} beside the repository. */
  public static Path sharedData() {
    return root().resolve("../shared/data").normalize();
  }

  /** One shared data set's folder, e.g. {@code sharedData("lastfm")}. */
  public static Path sharedData(String name) {
    return sharedData().resolve(name);
  }
}
