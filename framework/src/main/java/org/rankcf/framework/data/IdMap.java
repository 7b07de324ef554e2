package org.rankcf.framework.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Maps external ids (as they appear in the files) to dense ids 0..size-1 in order of first sight. */
public final class IdMap {
  private final Map<String, Integer> toDense = new HashMap<>();
  private final List<String> toExternal = new ArrayList<>();

  /** The dense id of an external id, assigning the next one if it is new. */
  public int intern(String external) {
    Integer id = toDense.get(external);
    if (id != null) {
      return id;
    }
    int next = toExternal.size();
    toDense.put(external, next);
    toExternal.add(external);
    return next;
  }

  /** The dense id, or -1 if the external id was never seen. */
  public int dense(String external) {
    Integer id = toDense.get(external);
    return id == null ? -1 : id;
  }

  public String external(int dense) {
    return toExternal.get(dense);
  }

  public int size() {
    return toExternal.size();
  }

  /** An identity map "0".."n-1", for data whose ids are already dense. */
  public static IdMap identity(int n) {
    IdMap map = new IdMap();
    for (int i = 0; i < n; i++) {
      map.intern(Integer.toString(i));
    }
    return map;
  }
}
