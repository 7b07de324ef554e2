package org.rankcf.framework.plugin;

/** The config of a plug-in that takes no parameters. */
public record NoConfig() {
  public static final NoConfig INSTANCE = new NoConfig();
}
