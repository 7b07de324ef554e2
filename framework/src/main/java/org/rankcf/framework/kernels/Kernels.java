package org.rankcf.framework.kernels;

/**
 * The one entry point to the dense kernels. The path is chosen once at start-up: the Vector API path when
 * the {@code jdk.incubator.vector} module is present, unless {@code -Drankcf.kernels=scalar} asks for the
 * plain-Java path.
 */
public final class Kernels {
  private static final KernelPath PATH = choose();

  private Kernels() {}

  /** The active kernel path. */
  public static KernelPath path() {
    return PATH;
  }

  /** The plain-Java path, always available (tests compare against it). */
  public static KernelPath scalar() {
    return new ScalarKernels();
  }

  /** The Vector API path, or null when the incubator module is not loaded. */
  public static KernelPath vector() {
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      return null;
    }
    try {
      return (KernelPath) Class.forName("org.rankcf.framework.kernels.VectorKernels")
          .getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }

  private static KernelPath choose() {
    String wanted = System.getProperty("rankcf.kernels", "auto");
    if (!wanted.equals("scalar")) {
      KernelPath vector = vector();
      if (vector != null) {
        return vector;
      }
      if (wanted.equals("vector")) {
        throw new IllegalStateException(
            "-Drankcf.kernels=vector needs --add-modules jdk.incubator.vector");
      }
    }
    return new ScalarKernels();
  }
}
