package org.rankcf.datasets.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.rankcf.datasets.IndexSort;

/**
 * Gives each distinct token (a byte slice) an index in order of first sight, without building a string per
 * occurrence: token bytes are copied once into a pool and found again through an open-addressing table.
 */
final class TokenInterner {
  private byte[] pool = new byte[1 << 12];
  private int poolSize;
  private int[] offsets = new int[257];
  private int[] hashes = new int[256];
  private int count;
  private int[] slots = new int[512]; // token index + 1, 0 = empty

  int intern(byte[] data, int from, int to) {
    int h = hash(data, from, to);
    int mask = slots.length - 1;
    for (int s = h & mask; ; s = (s + 1) & mask) {
      int k = slots[s] - 1;
      if (k < 0) {
        k = add(data, from, to, h);
        slots[s] = k + 1;
        if (2 * count > slots.length) {
          rehash();
        }
        return k;
      }
      if (hashes[k] == h && sameBytes(k, data, from, to)) {
        return k;
      }
    }
  }

  int size() {
    return count;
  }

  String token(int k) {
    return new String(pool, offsets[k], offsets[k + 1] - offsets[k], StandardCharsets.UTF_8);
  }

  /**
   * The tokens in sorted order (as indexes): by numeric value when every token is an integer, else by
   * string order.
   */
  int[] sortedOrder() {
    long[] values = new long[count];
    boolean numeric = true;
    for (int k = 0; k < count && numeric; k++) {
      values[k] = ByteNumbers.parseLong(pool, offsets[k], offsets[k + 1]);
      numeric = values[k] != ByteNumbers.NOT_AN_INTEGER;
    }
    if (numeric) {
      return IndexSort.stableOrder(count, (a, b) -> Long.compare(values[a], values[b]));
    }
    String[] text = new String[count];
    for (int k = 0; k < count; k++) {
      text[k] = token(k);
    }
    return IndexSort.stableOrder(count, (a, b) -> text[a].compareTo(text[b]));
  }

  private int add(byte[] data, int from, int to, int h) {
    int length = to - from;
    if (poolSize + length > pool.length) {
      pool = Arrays.copyOf(pool, Math.max(2 * pool.length, poolSize + length));
    }
    System.arraycopy(data, from, pool, poolSize, length);
    poolSize += length;
    if (count == hashes.length) {
      hashes = Arrays.copyOf(hashes, 2 * count);
      offsets = Arrays.copyOf(offsets, 2 * count + 1);
    }
    hashes[count] = h;
    offsets[count + 1] = poolSize;
    return count++;
  }

  private boolean sameBytes(int k, byte[] data, int from, int to) {
    return Arrays.equals(pool, offsets[k], offsets[k + 1], data, from, to);
  }

  private void rehash() {
    slots = new int[2 * slots.length];
    int mask = slots.length - 1;
    for (int k = 0; k < count; k++) {
      int s = hashes[k] & mask;
      while (slots[s] != 0) {
        s = (s + 1) & mask;
      }
      slots[s] = k + 1;
    }
  }

  private static int hash(byte[] data, int from, int to) {
    int h = 0x811c9dc5;
    for (int p = from; p < to; p++) {
      h = (h ^ data[p]) * 0x01000193; // FNV-1a
    }
    return h ^ (h >>> 16);
  }
}
