package org.rankcf.reports;

/**
 * One rendered chart.
 *
 * @param id a stable anchor for the report (lower case, dashes)
 * @param png the image, {@link ArmFigures#WIDTH} x {@link ArmFigures#HEIGHT} pixels
 */
public record Figure(String id, String title, String caption, byte[] png) {}
