package org.rankcf.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void escapesMarkupQuotesAndAmpersands() {
    assertThat(Html.escape("<script>alert(\"x\" + 'y')</script> & co"))
        .isEqualTo("&lt;script&gt;alert(&quot;x&quot; + &#39;y&#39;)&lt;/script&gt; &amp; co");
  }

  @Test
  void escapingIsNotIdempotentSoEntitiesStayVisible() {
    assertThat(Html.escape("&amp;")).isEqualTo("&amp;amp;");
    assertThat(Html.escape("plain ndcg@20 → 0.5")).isEqualTo("plain ndcg@20 → 0.5");
  }

  @Test
  void formatsNumbers() {
    assertThat(Html.fixed(0.123456, 4)).isEqualTo("0.1235");
    assertThat(Html.fixed(Double.NaN, 4)).isEqualTo("n/a");
    assertThat(Html.number(12)).isEqualTo("12");
    assertThat(Html.number(0.0123456)).isEqualTo("0.01235");
    assertThat(Html.number(0.54)).isEqualTo("0.54");
    assertThat(Html.number(-2.5)).isEqualTo("-2.5");
    assertThat(Html.number(1.5e-7)).isEqualTo("1.500e-07");
  }
}
