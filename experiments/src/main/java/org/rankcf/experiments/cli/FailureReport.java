package org.rankcf.experiments.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.rankcf.framework.util.IoErrors;
import org.rankcf.framework.util.UserInputException;

/**
 * How a failed command ends: one line and a non-zero exit for everything the user or the machine caused
 * (bad input, I/O errors, out of memory), the stack trace only with --verbose; a stack trace always for a
 * failure that is a bug in rankcf.
 */
final class FailureReport {
  /** Exit code of I/O failures (disk full, read-only folder). */
  static final int IO_ERROR = 3;
  /** Exit code of running out of heap. */
  static final int OUT_OF_MEMORY = 4;

  private FailureReport() {}

  /** Prints the failure and returns the exit code. */
  static int print(Throwable e, PrintStream err, boolean verbose) {
    int code;
    String line;
    UserInputException user = find(e, UserInputException.class);
    OutOfMemoryError oom = find(e, OutOfMemoryError.class);
    IOException io = find(e, IOException.class);
    if (oom != null) {
      code = OUT_OF_MEMORY;
      line = String.format(Locale.ROOT, "out of memory (heap limit %d MB): give rankcf more heap with RANKCF_HEAP=-Xmx8g, "
          + "or lower model.dim, train.batch-size or the sweep's workers", Runtime.getRuntime().maxMemory() >> 20);
    } else if (user != null) {
      code = RankcfCli.USER_ERROR;
      line = user.getMessage();
    } else if (io != null) {
      code = IO_ERROR;
      String context = e instanceof UncheckedIOException && e.getMessage() != null && !e.getMessage().equals(io.toString())
          ? e.getMessage() + ": " : "";
      line = context + IoErrors.reason(io);
    } else {
      err.println("rankcf: internal error: " + e);
      e.printStackTrace(err);
      return 1;
    }
    err.println("rankcf: " + line);
    if (verbose) {
      e.printStackTrace(err);
    }
    return code;
  }

  /** The first throwable of the type in the cause chain, or null. */
  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
