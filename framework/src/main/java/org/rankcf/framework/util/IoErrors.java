package org.rankcf.framework.util;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** I/O failures as one line for the user: the path and the reason, no exception class names. */
public final class IoErrors {
  private IoErrors() {}

  /** Why an I/O operation failed, in words (read-only, not a folder, no space left, ...). */
  public static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied or read-only";
    }
    if (e instanceof NotDirectoryException) {
      return "not a folder";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "exists and is not a folder";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
  }

  /** The user-facing error for a failed write or read of {@code path}. */
  public static UserInputException at(Path path, String action, IOException e) {
    return new UserInputException("cannot " + action + " " + path + ": " + reason(e), e);
  }
}
