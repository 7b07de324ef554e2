package org.rankcf.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.data.SplitData;
import org.rankcf.framework.testing.DataPaths;

class RealDataTest {
  @Test
  void smoke() {
    Path root = DataPaths.root();
    for (String p : new String[] {"../shared/data/amazon2014-cd", "../shared/data/gowalla"}) {
      for (int rep = 0; rep < 8; rep++) {
        long t0 = System.nanoTime();
        PairData data = DatasetLoader.read(DatasetSpec.DEFAULTS.withPath(p), root);
        long t1 = System.nanoTime();
        SplitData split = DatasetLoader.load(DatasetSpec.DEFAULTS.withPath(p).withValidation(0), root);
        long t2 = System.nanoTime();
        System.out.println(p + " " + data + " read " + (t1 - t0) / 1e6 + " ms, load " + (t2 - t1) / 1e6 + " ms " + split.train() + " " + split.test());
      }
      SplitData paper = DatasetLoader.load(DatasetSpec.DEFAULTS.withPath(p).withSplit("paper", 123), root);
      System.out.println(paper.protocol() + " " + paper.hash() + " " + paper.train().size() + " " + paper.validation().size() + " " + paper.test().size());
      System.out.println(DatasetStats.of(paper).format());
    }
    assertThat(root).exists();
  }
}
