package org.rankcf.framework.train;

import org.rankcf.framework.spectral.Spectra;
import org.rankcf.framework.spectral.Spectrum;
import org.rankcf.framework.spi.Model;
import org.rankcf.framework.util.Parallel;

/** Measures the spectra of both final tables after every epoch's validation, for the epoch record. */
final class SpectraListener implements TrainingListener {
  private final Parallel parallel;
  private Spectrum users;
  private Spectrum items;

  SpectraListener(Parallel parallel) {
    this.parallel = parallel;
  }

  @Override
  public void epochEvaluated(int epoch, Model model) {
    users = Spectra.spectrum(model.users(), parallel);
    items = Spectra.spectrum(model.items(), parallel);
  }

  /** The final user table's spectrum of the last evaluated epoch. */
  Spectrum users() {
    return users;
  }

  Spectrum items() {
    return items;
  }
}
