package org.rankcf.framework.model.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rankcf.framework.data.Interactions;
import org.rankcf.framework.model.Initializer;
import org.rankcf.framework.plugin.NoConfig;
import org.rankcf.framework.plugin.PluginBindings;
import org.rankcf.framework.plugin.PluginRegistry;

class ItemPoolingMfTest {
  // user 0 has items 0 and 2, user 1 has item 1, user 2 has none
  private static final Interactions TRAIN = Interactions.fromPairs(3, 3, new int[] {0, 0, 1}, new int[] {0, 2, 1});

  @Test
  void finalUserRowsAddTheMeanOfTheirItems() {
    ItemPoolingMf model = new ItemPoolingMf(TRAIN, 2, new Initializer("normal", 1.0), 3);
    float[] p = model.userParameters().data();
    float[] q = model.itemParameters().data();
    for (int c = 0; c < 2; c++) {
      assertThat(model.users().get(0, c)).isCloseTo(p[c] + (q[c] + q[4 + c]) / 2, within(1e-6f));
      assertThat(model.users().get(1, c)).isCloseTo(p[2 + c] + q[2 + c], within(1e-6f));
      assertThat(model.users().get(2, c)).isEqualTo(p[4 + c]);
    }
  }

  @Test
  void backwardIsTheGradientOfTheForwardPass() {
    // for L = <G_users, final users> + <G_items, final items>, backward(G) must be dL/dparameters; the map is
    // linear, so central differences are exact up to float rounding
    ItemPoolingMf model = new ItemPoolingMf(TRAIN, 2, new Initializer("normal", 1.0), 3);
    SplittableRandom random = new SplittableRandom(8);
    float[] userGrad = new float[6];
    float[] itemGrad = new float[6];
    for (int t = 0; t < 6; t++) {
      userGrad[t] = (float) random.nextGaussian();
      itemGrad[t] = (float) random.nextGaussian();
    }
    List<float[]> analytic = model.backward(userGrad, itemGrad);
    double h = 1e-2;
    for (int side = 0; side < 2; side++) {
      float[] x = model.parameters().get(side).data();
      for (int t = 0; t < x.length; t++) {
        float saved = x[t];
        x[t] = (float) (saved + h);
        double plus = value(model, userGrad, itemGrad);
        x[t] = (float) (saved - h);
        double minus = value(model, userGrad, itemGrad);
        x[t] = saved;
        assertThat(analytic.get(side)[t]).isCloseTo((float) ((plus - minus) / (2 * h)), within(1e-4f));
      }
    }
  }

  private static double value(ItemPoolingMf model, float[] userGrad, float[] itemGrad) {
    model.forward();
    double sum = 0;
    for (int t = 0; t < userGrad.length; t++) {
      sum += userGrad[t] * model.users().data()[t] + itemGrad[t] * model.items().data()[t];
    }
    return sum;
  }

  @Test
  void registersUnderItsName() {
    PluginRegistry registry = Guice.createInjector(new AbstractModule() {
      @Override
      protected void configure() {
        PluginBindings.models(binder()).addBinding("item-pooling-mf").toInstance(ItemPoolingMf.FACTORY);
        PluginBindings.losses(binder());
        PluginBindings.regularizers(binder());
        PluginBindings.samplers(binder());
      }
    }).getInstance(PluginRegistry.class);
    assertThat(registry.model("item-pooling-mf", "model.name").defaults()).isEqualTo(NoConfig.INSTANCE);
  }
}
