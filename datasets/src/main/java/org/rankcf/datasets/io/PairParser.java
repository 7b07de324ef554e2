package org.rankcf.datasets.io;

import org.rankcf.datasets.PairTable;

/** Reads the pairs of one file whose ids are written as integers. */
interface PairParser {
  PairTable parse(DataFile file);
}
