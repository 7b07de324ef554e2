package org.rankcf.framework.plugin;

import com.google.inject.AbstractModule;
import org.rankcf.framework.model.MatrixFactorization;
import org.rankcf.framework.model.graph.ContrastiveLightGcn;
import org.rankcf.framework.model.graph.LightGcn;
import org.rankcf.framework.model.graph.LightGcnConfig;
import org.rankcf.framework.model.graph.SimGclConfig;
import org.rankcf.framework.model.graph.XSimGclConfig;
import org.rankcf.framework.optim.OptimizersModule;
import org.rankcf.framework.sampler.BatchPositivesSampler;
import org.rankcf.framework.sampler.DistinctUniformSampler;
import org.rankcf.framework.sampler.PopularitySampler;
import org.rankcf.framework.sampler.SamplerConfig;
import org.rankcf.framework.sampler.UniformSampler;
import org.rankcf.framework.util.ConfigException;

/** Registers the framework's own plug-ins: the samplers, MF, LightGCN, SimGCL, XSimGCL and the optimisers. */
public final class FrameworkModule extends AbstractModule {
  @Override
  protected void configure() {
    install(new OptimizersModule());
    var samplers = PluginBindings.samplers(binder());
    samplers.addBinding("uniform").toInstance(PluginFactory.of(SamplerConfig.class, SamplerConfig.DEFAULTS,
        "negatives uniform over all items (replacement: false for distinct ones)",
        (c, ctx) -> c.replacement() ? new UniformSampler(ctx.data().train(), c)
            : new DistinctUniformSampler(ctx.data().train(), c)));
    samplers.addBinding("batch").toInstance(PluginFactory.of(SamplerConfig.class, SamplerConfig.DEFAULTS,
        "negatives uniform over the batch's positive items (the paper's MF code)",
        (c, ctx) -> new BatchPositivesSampler(ctx.data().train(), withReplacement(c))));
    samplers.addBinding("popularity").toInstance(PluginFactory.of(SamplerConfig.class, SamplerConfig.DEFAULTS,
        "negatives proportional to train degree^exponent",
        (c, ctx) -> new PopularitySampler(ctx.data().train(), withReplacement(c))));
    PluginBindings.models(binder()).addBinding("mf").toInstance(PluginFactory.of(NoConfig.class, NoConfig.INSTANCE,
        "matrix factorisation", (c, ctx) -> new MatrixFactorization(
            ctx.data().numUsers(), ctx.data().numItems(), ctx.dim(), ctx.init(), ctx.seed())));
    PluginBindings.models(binder()).addBinding("lightgcn").toInstance(PluginFactory.of(LightGcnConfig.class,
        LightGcnConfig.DEFAULTS, "LightGCN: K layers of normalised-graph propagation, layer mean",
        (c, ctx) -> LightGcn.create(ctx.data().train(), ctx.dim(), ctx.init(), c, ctx.seed(), ctx.parallel())));
    PluginBindings.models(binder()).addBinding("simgcl").toInstance(PluginFactory.of(SimGclConfig.class,
        SimGclConfig.DEFAULTS, "SimGCL: LightGCN plus InfoNCE between two noise-perturbed propagations",
        (c, ctx) -> ContrastiveLightGcn.simGcl(ctx.data().train(), ctx.dim(), ctx.init(), c, ctx.seed(), ctx.parallel())));
    PluginBindings.models(binder()).addBinding("xsimgcl").toInstance(PluginFactory.of(XSimGclConfig.class,
        XSimGclConfig.DEFAULTS, "XSimGCL: LightGCN plus InfoNCE between the final and one layer of a perturbed propagation",
        (c, ctx) -> ContrastiveLightGcn.xSimGcl(ctx.data().train(), ctx.dim(), ctx.init(), c, ctx.seed(), ctx.parallel())));
  }

  /** The config of a sampler that only draws with replacement. */
  private static SamplerConfig withReplacement(SamplerConfig config) {
    if (!config.replacement()) {
      throw new ConfigException("train.sampler.replacement", "only the uniform sampler draws without replacement");
    }
    return config;
  }
}
