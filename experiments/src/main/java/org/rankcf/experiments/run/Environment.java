package org.rankcf.experiments.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.rankcf.framework.kernels.Kernels;

/** Facts about the code and machine a run ran on, for its manifest. */
public final class Environment {
  private Environment() {}

  public static Map<String, Object> describe(Path repositoryRoot) {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("git_commit", git(repositoryRoot, "rev-parse", "HEAD"));
    String status = git(repositoryRoot, "status", "--porcelain", "--untracked-files=no");
    env.put("git_dirty", status.equals("unknown") ? "unknown" : !status.isEmpty());
    env.put("java_version", System.getProperty("java.version"));
    env.put("java_vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
    env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    env.put("cpu", cpuModel());
    env.put("cores", Runtime.getRuntime().availableProcessors());
    env.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
    env.put("kernel_path", Kernels.path().name());
    return env;
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String git(Path root, String... args) {
    try {
      String[] command = new String[args.length + 3];
      command[0] = "git";
      command[1] = "-C";
      command[2] = root.toString();
      System.arraycopy(args, 0, command, 3, args.length);
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes()).trim();
      if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
        return "unknown";
      }
      return out;
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }
}
