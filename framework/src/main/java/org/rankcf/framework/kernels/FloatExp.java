package org.rankcf.framework.kernels;

/**
 * e^y in float for the uniformity's pair terms, written so that the Vector API path can run the very same
 * operations lane by lane: round y / ln 2 to an integer k with the 1.5 * 2^23 trick, reduce r = y - k ln 2
 * in two fused steps, a degree-6 Taylor polynomial on |r| &lt;= ln 2 / 2 (error about 1e-7, one float ulp),
 * times 2^k built from the exponent bits. Arguments below -87 (where e^y leaves the normal floats) give 0.
 */
public final class FloatExp {
  static final float MIN_ARGUMENT = -87f;
  static final float LOG2_E = 1.44269504f;
  static final float LN2_HIGH = 0.693359375f;
  static final float LN2_LOW = -2.12194440e-4f;
  /** 1.5 * 2^23: adding it rounds to an integer kept in the low mantissa bits. */
  static final float ROUNDER = 12582912f;
  static final int ROUNDER_BITS = 0x4B400000;
  static final float C2 = 1f / 2;
  static final float C3 = 1f / 6;
  static final float C4 = 1f / 24;
  static final float C5 = 1f / 120;
  static final float C6 = 1f / 720;

  private FloatExp() {}

  /** e^y to about one float ulp, 0 below {@link #MIN_ARGUMENT}. */
  public static float exp(float y) {
    if (y < MIN_ARGUMENT) {
      return 0f;
    }
    float shifted = Math.fma(y, LOG2_E, ROUNDER);
    float k = shifted - ROUNDER;
    float r = Math.fma(k, -LN2_HIGH, y);
    r = Math.fma(k, -LN2_LOW, r);
    float p = C6;
    p = Math.fma(p, r, C5);
    p = Math.fma(p, r, C4);
    p = Math.fma(p, r, C3);
    p = Math.fma(p, r, C2);
    p = Math.fma(p, r, 1f);
    p = Math.fma(p, r, 1f);
    float power = Float.intBitsToFloat((Float.floatToRawIntBits(shifted) - ROUNDER_BITS + 127) << 23);
    return p * power;
  }
}
