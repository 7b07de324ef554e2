package org.rankcf.framework.objective;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One instance of some working memory per chunk of a {@link org.rankcf.framework.util.Parallel} split, kept
 * between steps so that heavy objectives allocate only when the problem grows.
 */
public final class PerChunk<T> {
  private final Supplier<T> factory;
  private final List<T> buffers = new ArrayList<>();

  public PerChunk(Supplier<T> factory) {
    this.factory = factory;
  }

  /** The buffers of chunks 0 .. count - 1, in chunk order, created on first use. */
  public List<T> first(int count) {
    while (buffers.size() < count) {
      buffers.add(factory.get());
    }
    return buffers.subList(0, count);
  }

  /** The buffers of one chunk (after {@link #first} covered it). */
  public T get(int chunk) {
    return buffers.get(chunk);
  }
}
