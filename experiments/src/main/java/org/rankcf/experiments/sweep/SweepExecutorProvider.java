package org.rankcf.experiments.sweep;

import java.util.ServiceLoader;
import org.rankcf.framework.util.UserInputException;

/**
 * An executor that lives in another module (Spark), found through {@link ServiceLoader} only when a sweep
 * asks for it by name, so the default launcher needs none of its dependencies.
 */
public interface SweepExecutorProvider {
  /** The name given to {@code --executor}. */
  String name();

  /** @param master where to run (the engine's own URL syntax), or null for the engine's default */
  SweepExecutor create(String master);

  /** The provider called {@code name}; a one-line error when it is not on the class path. */
  static SweepExecutorProvider named(String name) {
    for (SweepExecutorProvider provider : ServiceLoader.load(SweepExecutorProvider.class)) {
      if (provider.name().equals(name)) {
        return provider;
      }
    }
    throw new UserInputException("--executor " + name + ": not on the class path"
        + ("spark".equals(name) ? " (launch with ./rankcf-spark, which adds the distributed module)" : ""));
  }
}
