package org.rankcf.framework.util;

/**
 * An error the user caused (bad file, bad config value, unknown plug-in name, a diverging run). Its message
 * is one line that names the file and line or the config key; the CLI prints it and exits with code 2,
 * without a stack trace.
 */
public class UserInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserInputException(String message) {
    super(message);
  }

  public UserInputException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A problem at a line of a data file: {@code file:line: message}. */
  public static UserInputException atLine(Object file, long line, String message) {
    return new UserInputException(file + ":" + line + ": " + message);
  }

  /** A problem with a whole file (missing, empty, unreadable): {@code file: message}. */
  public static UserInputException inFile(Object file, String message) {
    return new UserInputException(file + ": " + message);
  }
}
