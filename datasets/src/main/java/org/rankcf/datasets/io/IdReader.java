package org.rankcf.datasets.io;

/** Turns an id field of the current line into an int id (an integer as written, or a token's index). */
interface IdReader {
  int read(ByteLines lines, int from, int to, String kind);
}
