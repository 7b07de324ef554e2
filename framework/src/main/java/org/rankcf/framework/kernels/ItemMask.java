package org.rankcf.framework.kernels;

/**
 * Items excluded from a user's ranking, as CSR: the masked items of user u are
 * {@code items[ptr[u] .. ptr[u + 1])}, sorted increasingly (the layout of
 * {@code Interactions.userPtr()/userItems()}). The arrays are shared, not copied.
 */
public record ItemMask(int[] ptr, int[] items) {
  public ItemMask {
    if (ptr.length == 0 || ptr[ptr.length - 1] > items.length) {
      throw new IllegalArgumentException("mask row pointers do not match its " + items.length + " items");
    }
  }

  /** Number of users the mask covers. */
  public int users() {
    return ptr.length - 1;
  }
}
