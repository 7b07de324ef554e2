package org.rankcf.framework.plugin;

import com.google.inject.Guice;
import com.google.inject.Module;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.rankcf.framework.util.ConfigException;

/**
 * The plug-in modules found with {@link ServiceLoader} ({@code META-INF/services/com.google.inject.Module}) on the
 * classpath, built-in and external alike, wired into one registry; every plug-in remembers where it came from,
 * and a name registered by two sources is refused naming both (before Guice's own, anonymous duplicate error).
 */
public final class DiscoveredPlugins {
  private final PluginRegistry registry;
  private final Map<String, String> sources;

  private DiscoveredPlugins(PluginRegistry registry, Map<String, String> sources) {
    this.registry = registry;
    this.sources = sources;
  }

  /** The modules registered on the context class loader's classpath. */
  public static DiscoveredPlugins load() {
    List<Module> modules = new ArrayList<>();
    ServiceLoader.load(Module.class).forEach(modules::add);
    return of(modules);
  }

  public static DiscoveredPlugins of(List<? extends Module> modules) {
    Map<String, String> sources = new TreeMap<>();
    for (Module module : modules) {
      String source = sourceOf(module);
      PluginRegistry own = Guice.createInjector(module, new EveryPluginKind()).getInstance(PluginRegistry.class);
      own.byKind().forEach((kind, plugins) -> plugins.keySet().forEach(name -> {
        String earlier = sources.putIfAbsent(kind + " " + name, source);
        if (earlier != null) {
          throw new ConfigException("plugins", kind + " '" + name + "' is registered by both " + earlier + " and "
              + source);
        }
      }));
    }
    List<Module> all = new ArrayList<>(modules);
    all.add(new EveryPluginKind());
    return new DiscoveredPlugins(Guice.createInjector(all).getInstance(PluginRegistry.class), sources);
  }

  public PluginRegistry registry() {
    return registry;
  }

  /** Where the plug-in {@code name} of {@code kind} ("loss", "model", ...) came from: "built in" or a jar/folder. */
  public String source(String kind, String name) {
    return sources.get(kind + " " + name);
  }

  /** "built in" for classes loaded from rankcf's own jar or build folders, otherwise the jar or folder path. */
  static String sourceOf(Module module) {
    CodeSource code = module.getClass().getProtectionDomain().getCodeSource();
    if (code == null || code.getLocation() == null) {
      return "built in";
    }
    // the project's own modules: one shaded jar with the framework, or the reactor's per-module class folders
    CodeSource framework = DiscoveredPlugins.class.getProtectionDomain().getCodeSource();
    if (framework != null && code.getLocation().equals(framework.getLocation())
        || module.getClass().getName().startsWith("org.rankcf.")) {
      return "built in";
    }
    try {
      return Path.of(code.getLocation().toURI()).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return code.getLocation().toString();
    }
  }
}
