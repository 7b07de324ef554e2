package org.rankcf.framework.util;

/**
 * An invalid configuration value. The message starts with the dotted config key, e.g.
 * {@code train.optimizer.lr: must be > 0 (got -1.0)}; loaders prefix the key of the enclosing section
 * with {@link #within(String)} so that the user sees the full path.
 */
public final class ConfigException extends UserInputException {
  private static final long serialVersionUID = 1L;
  private final String key;
  private final String detail;

  public ConfigException(String key, String detail) {
    super(key + ": " + detail);
    this.key = key;
    this.detail = detail;
  }

  public String key() {
    return key;
  }

  public String detail() {
    return detail;
  }

  /** The same problem seen from an enclosing section: {@code prefix.key}. */
  public ConfigException within(String prefix) {
    return new ConfigException(prefix.isEmpty() ? key : prefix + "." + key, detail);
  }
}
