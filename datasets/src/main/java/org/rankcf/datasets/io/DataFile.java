package org.rankcf.datasets.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.rankcf.framework.util.UserInputException;

/** One data file, read whole into memory: a file on disk or a resource bundled on the class path. */
public interface DataFile {
  /** How errors name the file (a path, or {@code builtin:NAME/FILE}). */
  String name();

  /** The last segment of the name, which tells the format (e.g. {@code train.txt}). */
  String fileName();

  /** The whole content; a missing or unreadable file is a {@link UserInputException} naming it. */
  byte[] bytes();

  static DataFile of(Path path) {
    return new DataFile() {
      @Override
      public String name() {
        return path.toString();
      }

      @Override
      public String fileName() {
        return path.getFileName().toString();
      }

      @Override
      public byte[] bytes() {
        try {
          return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
          throw UserInputException.inFile(path, "missing file");
        } catch (IOException e) {
          throw new UserInputException(path + ": cannot read (" + e.getMessage() + ")", e);
        }
      }
    };
  }

  /** A class-path resource, named {@code display} in messages. */
  static DataFile resource(String display, String resourcePath) {
    return new DataFile() {
      @Override
      public String name() {
        return display;
      }

      @Override
      public String fileName() {
        return resourcePath.substring(resourcePath.lastIndexOf('/') + 1);
      }

      @Override
      public byte[] bytes() {
        try (InputStream in = DataFile.class.getClassLoader().getResourceAsStream(resourcePath)) {
          if (in == null) {
            throw UserInputException.inFile(display, "missing resource " + resourcePath);
          }
          return in.readAllBytes();
        } catch (IOException e) {
          throw new UserInputException(display + ": cannot read (" + e.getMessage() + ")", e);
        }
      }
    };
  }
}
