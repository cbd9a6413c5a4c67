package dev.v2l.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values from numpy 1.24 / pandas 1.5 (np.corrcoef, Series.corr(method="spearman"), np.percentile). */
class StatisticsTest {

    static final double[] X = {0.1, 0.4, 0.4, 0.9, 0.2, 0.7, 0.7, 0.7, 0.0, 1.0};
    static final double[] Y = {0.0, 0.5, 1.0, 1.0, 0.0, 0.6, 1.0, 0.2, 0.1, 0.9};

    @Test
    void correlationsEqualNumpyAndPandas() {
        assertThat(Statistics.pearson(X, Y)).isCloseTo(0.725002288520937, within(1e-14));
        assertThat(Statistics.spearman(X, Y)).isCloseTo(0.6874999999999999, within(1e-14));
        assertThat(Statistics.ranks(X)).containsExactly(2.0, 4.5, 4.5, 9.0, 3.0, 7.0, 7.0, 7.0, 1.0, 10.0);
        assertThat(Statistics.pearson(Y, X)).isEqualTo(Statistics.pearson(X, Y));
        assertThat(Statistics.pearson(new double[] {1, 1, 1}, new double[] {1, 2, 3})).isNaN();
        assertThat(Statistics.pearson(new double[] {1}, new double[] {2})).isNaN();
    }

    @Test
    void percentilesInterpolateAsNumpy() {
        assertThat(Statistics.percentile(X, 2.5)).isCloseTo(0.022500000000000003, within(1e-15));
        assertThat(Statistics.percentile(X, 97.5)).isCloseTo(0.9775, within(1e-15));
        assertThat(Statistics.percentile(X, 50)).isCloseTo(0.55, within(1e-15));
        assertThat(Statistics.percentile(new double[0], 50)).isNaN();
    }

    @Test
    void bootstrapIntervalsAreSeededAndCoverTheMean() {
        Statistics.Estimate a = Statistics.bootstrapMean(X, 2000, 7);
        assertThat(a).isEqualTo(Statistics.bootstrapMean(X, 2000, 7));
        assertThat(a.mean()).isCloseTo(0.51, within(1e-12));
        assertThat(a.low()).isLessThan(a.mean()).isGreaterThan(0.25);
        assertThat(a.high()).isGreaterThan(a.mean()).isLessThan(0.72);
        assertThat(Statistics.bootstrapMean(X, 2000, 8)).isNotEqualTo(a);
        // a constant sample has a zero-width interval; no sample has none
        Statistics.Estimate c = Statistics.bootstrapMean(new double[] {1, 1, 1}, 100, 1);
        assertThat(c.low()).isEqualTo(1.0);
        assertThat(c.high()).isEqualTo(1.0);
        assertThat(Statistics.bootstrapMean(new double[0], 100, 1).mean()).isNaN();
    }

    @Test
    void overallOfGroupsWeighsGroupsNotSamples() {
        double[] big = new double[90];
        double[] small = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        Statistics.Estimate e = Statistics.bootstrapMeanOfGroups(List.of(big, small), 500, 3);
        assertThat(e.mean()).isEqualTo(0.5);
        assertThat(e.low()).isEqualTo(0.5);
        assertThat(e.n()).isEqualTo(100);
        // VSI-Bench: three direction sub-types are one task
        Statistics.Estimate w = Statistics.bootstrapWeightedMeanOfGroups(List.of(new double[] {1}, new double[] {0},
                new double[] {0}, new double[] {1}), new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0, 1}, 0, 0);
        assertThat(w.mean()).isCloseTo((1 / 3.0 + 1) / 2, within(1e-15));
    }
}
