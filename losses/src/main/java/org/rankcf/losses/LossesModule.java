package org.rankcf.losses;

import com.google.inject.AbstractModule;
import org.rankcf.framework.plugin.PluginBindings;

/** Registers the losses under their short names. */
public final class LossesModule extends AbstractModule {
  @Override
  protected void configure() {
    PluginBindings.losses(binder()).addBinding("bpr").toInstance(BprLoss.FACTORY);
    PluginBindings.losses(binder()).addBinding("bce").toInstance(BceLoss.FACTORY);
    PluginBindings.losses(binder()).addBinding("ssm").toInstance(SampledSoftmaxLoss.FACTORY);
    PluginBindings.losses(binder()).addBinding("inbatch").toInstance(InBatchSoftmaxLoss.FACTORY);
    PluginBindings.losses(binder()).addBinding("alignment").toInstance(AlignmentLoss.FACTORY);
    PluginBindings.losses(binder()).addBinding("directau").toInstance(DirectAuLoss.FACTORY);
    PluginBindings.losses(binder()).addBinding("ccl").toInstance(CclLoss.FACTORY);
    PluginBindings.losses(binder()).addBinding("sl").toInstance(SoftmaxLoss.FACTORY);
    PluginBindings.losses(binder()).addBinding("bsl").toInstance(BilateralSoftmaxLoss.FACTORY);
    PluginBindings.losses(binder()).addBinding("psl").toInstance(PairwiseSoftmaxLoss.FACTORY);
    PluginBindings.losses(binder()).addBinding("slatk").toInstance(SoftmaxAtKLoss.FACTORY);
    PluginBindings.losses(binder()).addBinding("sogclr").toInstance(SogClrLoss.FACTORY);
    PluginBindings.losses(binder()).addBinding("sogslatk").toInstance(SogClrLoss.AT_K_FACTORY);
    PluginBindings.losses(binder()).addBinding("llpauc").toInstance(LlpaucLoss.FACTORY);
    PluginBindings.losses(binder()).addBinding("advinfonce").toInstance(AdvInfoNceLoss.FACTORY);
    PluginBindings.losses(binder()).addBinding("guidedrec").toInstance(GuidedRecLoss.FACTORY);
    PluginBindings.losses(binder()).addBinding("lambdarank").toInstance(LambdaLoss.LAMBDARANK);
    PluginBindings.losses(binder()).addBinding("lambdaloss").toInstance(LambdaLoss.LAMBDALOSS);
    PluginBindings.losses(binder()).addBinding("lambdaloss-at-k").toInstance(LambdaLoss.LAMBDALOSS_AT_K);
  }
}
