package org.rankcf.experiments.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.rankcf.framework.util.UserInputException;

/** The YAML and JSON mappers (kebab-case keys, records) and reading a YAML file into a tree. */
public final class Yaml {
  /** Reads YAML; record components map to kebab-case keys; a key repeated in one mapping is an error. */
  public static final ObjectMapper YAML = configure(new ObjectMapper(new YAMLFactory()))
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /** Writes JSON for run records. */
  public static final ObjectMapper JSON = configure(new ObjectMapper()).enable(SerializationFeature.INDENT_OUTPUT);

  private Yaml() {}

  private static ObjectMapper configure(ObjectMapper mapper) {
    return mapper.setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  }

  /** The file's YAML tree; a syntax error names the file and line. */
  public static JsonNode read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw UserInputException.inFile(file, "no such file");
    } catch (IOException e) {
      throw UserInputException.inFile(file, "cannot read: " + e.getMessage());
    }
    try {
      JsonNode node = YAML.readTree(text);
      if (node == null || node.isMissingNode() || node.isNull()) {
        throw UserInputException.inFile(file, "the config is empty");
      }
      return node;
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      String message = e.getOriginalMessage().lines().findFirst().orElse("");
      if (message.startsWith("Duplicate field ")) {
        throw UserInputException.atLine(file, line, "key " + message.substring("Duplicate field ".length())
            + " given twice in one mapping (the second would silently replace the first)");
      }
      throw UserInputException.atLine(file, line, "YAML syntax error: " + message);
    }
  }
}
