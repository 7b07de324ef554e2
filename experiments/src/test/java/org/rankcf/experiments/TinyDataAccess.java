package org.rankcf.experiments;

import java.io.IOException;
import java.nio.file.Path;

/** {@link TinyData} for tests in other packages. */
public final class TinyDataAccess {
  private TinyDataAccess() {}

  public static Path write(Path dir) throws IOException {
    return TinyData.write(dir);
  }

  public static String config(Path data, int epochs) {
    return TinyData.config(data, epochs);
  }
}
