package org.rankcf.datasets.split;

import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.data.SplitData;
import org.rankcf.framework.util.UserInputException;

/**
 * The evaluation policy for validation and test pairs whose user or item never occurs in train: a model
 * has only its random initial embedding for them, so by default they are dropped from evaluation and their
 * count is added to the split's protocol (which the run manifest records); {@code data.unseen: keep} keeps
 * them and leaves the split exactly as the splitter made it ({@code rankcf datasets stats} counts them).
 * A split without train or test pairs is an error, and so is a test set whose every pair is also a train
 * pair: evaluation masks train items, so its metrics could only be zero.
 */
public final class UnseenPairs {
  private UnseenPairs() {}

  public static SplitData apply(SplitData split, boolean keep) {
    Interactions train = split.train();
    requireRankable(split.name(), train, split.test());
    if (keep) {
      return split;
    }
    int unseenTest = countUnseen(train, split.test());
    int unseenValidation = countUnseen(train, split.validation());
    if (unseenTest + unseenValidation == 0) {
      return split;
    }
    String note = "dropped unseen-in-train pairs: test " + unseenTest + ", validation " + unseenValidation;
    Interactions test = seenOnly(train, split.test());
    if (test.size() == 0) {
      throw new UserInputException(split.name() + ": no test pair has a user and an item seen in training; "
          + "set data.unseen: keep to evaluate them anyway");
    }
    return new SplitData(split.name(), split.protocol() + "; " + note, train, seenOnly(train, split.validation()),
        test, split.users(), split.items());
  }

  private static boolean seen(Interactions train, int user, int item) {
    return train.userDegree(user) > 0 && train.itemDegree(item) > 0;
  }

  private static int countUnseen(Interactions train, Interactions part) {
    int[] ptr = part.userPtr();
    int[] items = part.userItems();
    int unseen = 0;
    for (int u = 0; u < part.numUsers(); u++) {
      for (int p = ptr[u]; p < ptr[u + 1]; p++) {
        unseen += seen(train, u, items[p]) ? 0 : 1;
      }
    }
    return unseen;
  }

  private static Interactions seenOnly(Interactions train, Interactions part) {
    int[] ptr = part.userPtr();
    int[] items = part.userItems();
    int[] keptUsers = new int[part.size()];
    int[] keptItems = new int[part.size()];
    int kept = 0;
    for (int u = 0; u < part.numUsers(); u++) {
      for (int p = ptr[u]; p < ptr[u + 1]; p++) {
        if (seen(train, u, items[p])) {
          keptUsers[kept] = u;
          keptItems[kept++] = items[p];
        }
      }
    }
    return Interactions.fromPairs(part.numUsers(), part.numItems(), keptUsers, keptItems, kept);
  }

  private static void requireRankable(String name, Interactions train, Interactions test) {
    if (train.size() == 0 || test.size() == 0) {
      throw new UserInputException(name + ": the split has no " + (train.size() == 0 ? "train" : "test")
          + " pairs (the files hold users without items?)");
    }
    int[] ptr = test.userPtr();
    int[] items = test.userItems();
    for (int u = 0; u < test.numUsers(); u++) {
      for (int p = ptr[u]; p < ptr[u + 1]; p++) {
        if (!train.contains(u, items[p])) {
          return;
        }
      }
    }
    throw new UserInputException(name + ": every test pair is also a train pair, so no test item can be ranked "
        + "(train items are masked): the test file repeats train");
  }
}
