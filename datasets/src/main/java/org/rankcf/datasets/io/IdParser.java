package org.rankcf.datasets.io;

/**
 * Reads an integer id field and checks it: an integer, not below the id base (0 when the base is left to
 * auto-detection, which never picks a base above the smallest id), small enough for an int.
 */
final class IdParser implements IdReader {
  private final int base;

  /** @param base the explicit id base, or 0 while it is to be detected */
  IdParser(int base) {
    this.base = base;
  }

  @Override
  public int read(ByteLines lines, int from, int to, String kind) {
    long id = ByteNumbers.parseLong(lines.data(), from, to);
    if (id == ByteNumbers.NOT_AN_INTEGER) {
      throw lines.error(kind + " id '" + lines.text(from, to) + "' is not an integer");
    }
    if (id < base) {
      throw lines.error(kind + " id " + id + " is negative" + (base == 0 ? "" : " after the id base " + base));
    }
    if (id >= Integer.MAX_VALUE) {
      throw lines.error(kind + " id " + id + " is too large");
    }
    return (int) id;
  }
}
