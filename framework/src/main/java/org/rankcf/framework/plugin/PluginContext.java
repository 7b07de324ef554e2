package org.rankcf.framework.plugin;

import org.rankcf.framework.data.SplitData;
import org.rankcf.framework.model.Initializer;
import org.rankcf.framework.util.Parallel;

/**
 * What a plug-in may need when it is created: the split (samplers read train degrees, LightGCN builds its
 * graph), the embedding size and initialiser (models), a seed for its own randomness, and the worker threads.
 */
public record PluginContext(SplitData data, int dim, Initializer init, long seed, Parallel parallel) {}
