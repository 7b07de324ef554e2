package org.rankcf.datasets.io;

import java.util.EnumMap;
import java.util.Map;
import org.rankcf.datasets.DatasetSpec;
import org.rankcf.datasets.PairData;
import org.rankcf.datasets.PairTable;
import org.rankcf.datasets.Part;

/** Reads all files of a data set, in its format, into one dense id space. */
public final class DatasetReader {
  private DatasetReader() {}

  public static PairData read(DatasetSpec spec, DatasetFiles files) {
    Map<Part, PairTable> tables = new EnumMap<>(Part.class);
    if (files.format() == DataFormat.RECBOLE) {
      RecBoleReader reader = new RecBoleReader();
      files.files().forEach((part, file) -> tables.put(part, reader.parse(file)));
      return reader.finish(files.name(), tables);
    }
    int base = spec.idBaseValue() >= 0 ? spec.idBaseValue() : files.format().impliedIdBase();
    IdParser ids = new IdParser(Math.max(base, 0));
    PairParser parser = files.format() == DataFormat.LIGHTGCN
        ? new LightGcnParser(ids)
        : new DelimitedParser(spec.fieldDelimiter(), spec.hasHeader(),
            files.format() == DataFormat.MOVIELENS ? 4 : 0, ids);
    files.files().forEach((part, file) -> tables.put(part, parser.parse(file)));
    return IntegerIds.resolve(files.name(), tables, base, spec.path());
  }
}
