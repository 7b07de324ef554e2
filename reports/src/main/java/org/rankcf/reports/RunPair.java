package org.rankcf.reports;

/** A warm-start run and the run of the same config without warm start, for speed-ups. */
public record RunPair(RunRecord warm, RunRecord baseline) {}
