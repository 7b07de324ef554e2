package org.rankcf.framework.data;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A data set split into train, validation and test pairs over one dense id space. Validation may be empty
 * (then model selection uses the test pairs, which {@link #selectsOnTest()} reports).
 *
 * @param name data set name
 * @param protocol how it was split, e.g. "given" or "paper(seed=123)"
 * @param users external user ids
 * @param items external item ids
 */
public record SplitData(
    String name, String protocol, Interactions train, Interactions validation, Interactions test,
    IdMap users, IdMap items) {

  public SplitData {
    if (train.numUsers() != test.numUsers() || train.numItems() != test.numItems()
        || validation.numUsers() != train.numUsers() || validation.numItems() != train.numItems()) {
      throw new IllegalArgumentException("train, validation and test must share one id space");
    }
  }

  public int numUsers() {
    return train.numUsers();
  }

  public int numItems() {
    return train.numItems();
  }

  public boolean selectsOnTest() {
    return validation.size() == 0;
  }

  /** The pairs model selection is done on: validation, or test when there is no validation. */
  public Interactions selection() {
    return selectsOnTest() ? test : validation;
  }

  /** SHA-256 of the three pair sets: equal splits have equal hashes. */
  public String hash() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      train.hashInto(digest);
      validation.hashInto(digest);
      test.hashInto(digest);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
