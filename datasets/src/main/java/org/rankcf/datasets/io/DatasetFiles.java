package org.rankcf.datasets.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.rankcf.datasets.DatasetSpec;
import org.rankcf.datasets.Part;
import org.rankcf.framework.util.ConfigException;
import org.rankcf.framework.util.UserInputException;

/**
 * The files of a data set and their roles, found from a config path: a single file (all pairs), a folder
 * with {@code train.EXT}/{@code test.EXT} (and optionally {@code valid.EXT}), a folder with RecBole's
 * {@code NAME.train.inter}/{@code NAME.test.inter}, a folder with one {@code NAME.inter},
 * {@code ratings.dat}, {@code u.data} or {@code ratings.csv}, or a bundled data set
 * ({@code builtin:NAME}).
 *
 * @param name the data set's name
 * @param format the format to read the files with
 * @param files the files by role: either {@link Part#ALL} alone, or train and test (and validation)
 */
public record DatasetFiles(String name, DataFormat format, Map<Part, DataFile> files) {
  /** The bundled data sets; each is a folder of train.tsv and test.tsv on the class path. */
  public static final List<String> BUILTINS = List.of("lastfm");

  private static final List<String> SPLIT_EXTENSIONS = List.of("txt", "tsv", "csv", "dat", "inter");
  private static final List<String> SINGLE_FILES = List.of("ratings.dat", "u.data", "ratings.csv");
  private static final String EXPECTED = "train.txt/test.txt, train.tsv/test.tsv, train.csv/test.csv, "
      + "NAME.train.inter/NAME.test.inter, NAME.inter, ratings.dat, u.data or ratings.csv";

  public DatasetFiles {
    files = Collections.unmodifiableMap(new EnumMap<>(files));
  }

  /** Finds the files of {@code spec.path()}; a relative path is resolved against {@code root}. */
  public static DatasetFiles locate(DatasetSpec spec, Path root) {
    if (spec.path().startsWith(DatasetSpec.BUILTIN)) {
      return builtin(spec);
    }
    Path path = root.resolve(spec.path()).normalize();
    if (Files.isRegularFile(path)) {
      String fileName = path.getFileName().toString();
      int dot = fileName.lastIndexOf('.');
      String stem = dot < 0 ? fileName : fileName.substring(0, dot);
      boolean generic = SINGLE_FILES.contains(fileName) && path.getParent() != null;
      String name = generic ? path.getParent().getFileName().toString() : stem;
      return of(spec, name, Map.of(Part.ALL, DataFile.of(path)));
    }
    if (!Files.isDirectory(path)) {
      throw UserInputException.inFile(path, "missing file or folder");
    }
    return of(spec, path.getFileName().toString(), inFolder(path));
  }

  private static DatasetFiles builtin(DatasetSpec spec) {
    String name = spec.path().substring(DatasetSpec.BUILTIN.length());
    if (!BUILTINS.contains(name)) {
      throw new ConfigException("path", "unknown built-in data set '" + name + "'; known: "
          + String.join(", ", BUILTINS));
    }
    String folder = "org/rankcf/datasets/" + name + "/";
    Map<Part, DataFile> files = new EnumMap<>(Part.class);
    files.put(Part.TRAIN, DataFile.resource(spec.path() + "/train.tsv", folder + "train.tsv"));
    files.put(Part.TEST, DataFile.resource(spec.path() + "/test.tsv", folder + "test.tsv"));
    return of(spec, name, files);
  }

  private static DatasetFiles of(DatasetSpec spec, String name, Map<Part, DataFile> files) {
    DataFormat format = spec.dataFormat();
    DataFile first = files.values().iterator().next();
    if (format == null) {
      format = DataFormat.detect(first.fileName());
      if (format == null) {
        throw new ConfigException("format", "cannot tell the format of " + first.name()
            + " from its name; set it to one of " + DataFormat.names());
      }
    }
    return new DatasetFiles(spec.name() != null ? spec.name() : name, format, files);
  }

  private static Map<Part, DataFile> inFolder(Path dir) {
    Map<Part, DataFile> files = new EnumMap<>(Part.class);
    for (String ext : SPLIT_EXTENSIONS) {
      if (Files.isRegularFile(dir.resolve("train." + ext))) {
        return splitFiles(dir, "", ext);
      }
    }
    List<String> names = listNames(dir);
    for (String fileName : names) {
      if (fileName.endsWith(".train.inter")) {
        return splitFiles(dir, fileName.substring(0, fileName.length() - "train.inter".length()), "inter");
      }
    }
    List<String> singles = names.stream()
        .filter(n -> SINGLE_FILES.contains(n) || n.endsWith(".inter") && !n.endsWith(".test.inter")
            && !n.endsWith(".valid.inter"))
        .toList();
    if (singles.size() > 1) {
      throw UserInputException.inFile(dir, "holds several data files (" + String.join(", ", singles)
          + "): name one of them as the path");
    }
    if (singles.isEmpty()) {
      throw UserInputException.inFile(dir, "no data files found; expected " + EXPECTED);
    }
    files.put(Part.ALL, DataFile.of(dir.resolve(singles.get(0))));
    return files;
  }

  /** {@code PREFIXtrain.EXT}, {@code PREFIXtest.EXT} (required) and {@code PREFIXvalid.EXT} (optional). */
  private static Map<Part, DataFile> splitFiles(Path dir, String prefix, String ext) {
    Map<Part, DataFile> files = new EnumMap<>(Part.class);
    files.put(Part.TRAIN, DataFile.of(dir.resolve(prefix + "train." + ext)));
    for (String valid : List.of("valid.", "validation.")) {
      if (Files.isRegularFile(dir.resolve(prefix + valid + ext))) {
        files.put(Part.VALIDATION, DataFile.of(dir.resolve(prefix + valid + ext)));
        break;
      }
    }
    Path test = dir.resolve(prefix + "test." + ext);
    if (!Files.isRegularFile(test)) {
      throw UserInputException.inFile(test, "missing file (the test file beside " + prefix + "train." + ext + ")");
    }
    files.put(Part.TEST, DataFile.of(test));
    return files;
  }

  private static List<String> listNames(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UserInputException(dir + ": cannot list (" + e.getMessage() + ")", e);
    }
  }
}
