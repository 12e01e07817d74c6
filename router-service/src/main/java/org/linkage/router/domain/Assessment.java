package org.linkage.router.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The monthly assessment of units (考核排名): four rates and a weighted score.
 * <ul>
 * <li>on-time sign (按时签收率, the "response" of the three published rates) = signed by the sign-by / dispatched;</li>
 * <li>on-time close (按期办结率) = replied by the resolve-by / dispatched;</li>
 * <li>resolution (解决率) = solved / called back; satisfaction (满意率) = satisfied / called back.</li>
 * </ul>
 * A rate whose denominator is zero is missing, not zero: a unit nobody has called back yet is neither good nor bad at
 * satisfaction. The score (0–100) is the weighted mean of the rates that exist, each weight divided by the sum of the
 * weights of those rates, so a missing rate neither punishes nor helps. Rates are shown to four places and the score
 * to two (half up); the score is computed from the exact rates, and equal shown scores share a rank (1, 2, 2, 4).
 */
public record Assessment(Weights weights) {
    private static final MathContext EXACT = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Assessment {
        Objects.requireNonNull(weights, "weights");
    }

    /** How much each rate counts; each between 0 and 1, together exactly 1. */
    public record Weights(BigDecimal signOnTime, BigDecimal closeOnTime, BigDecimal resolution, BigDecimal satisfaction) {
        public Weights {
            check("sign-on-time", signOnTime);
            check("close-on-time", closeOnTime);
            check("resolution", resolution);
            check("satisfaction", satisfaction);
            BigDecimal sum = signOnTime.add(closeOnTime).add(resolution).add(satisfaction);
            if (sum.compareTo(BigDecimal.ONE) != 0) {
                throw new IllegalArgumentException("assessment weights must add up to 1, they add up to "
                        + sum.toPlainString());
            }
        }

        private static void check(String name, BigDecimal w) {
            if (w == null || w.signum() < 0 || w.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("assessment weight " + name + " must be between 0 and 1, is " + w);
            }
        }
    }

    /** What a unit's tickets of the month come to, after accepted appeals took theirs out. */
    public record Counts(long dispatched, long signedOnTime, long closedOnTime, long calledBack, long solved,
                         long satisfied) {
    }

    /** Rates as shown (four places), score as shown (two places); null where missing. */
    public record Rates(BigDecimal signOnTime, BigDecimal closeOnTime, BigDecimal resolution, BigDecimal satisfaction,
                        BigDecimal score) {
    }

    public record Entry<K>(K unit, Counts counts) {
    }

    /** A unit's place in its tier; {@code rank} is null for a unit without any rate to score. */
    public record Standing<K>(K unit, Counts counts, Rates rates, Integer rank) {
    }

    public Rates rates(Counts c) {
        BigDecimal sign = share(c.signedOnTime(), c.dispatched());
        BigDecimal close = share(c.closedOnTime(), c.dispatched());
        BigDecimal resolution = share(c.solved(), c.calledBack());
        BigDecimal satisfaction = share(c.satisfied(), c.calledBack());
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weightUsed = BigDecimal.ZERO;
        BigDecimal[] rates = {sign, close, resolution, satisfaction};
        BigDecimal[] w = {weights.signOnTime(), weights.closeOnTime(), weights.resolution(), weights.satisfaction()};
        for (int i = 0; i < rates.length; i++) {
            if (rates[i] != null) {
                weighted = weighted.add(rates[i].multiply(w[i], EXACT), EXACT);
                weightUsed = weightUsed.add(w[i]);
            }
        }
        BigDecimal score = weightUsed.signum() == 0 ? null
                : weighted.multiply(HUNDRED, EXACT).divide(weightUsed, EXACT).setScale(2, RoundingMode.HALF_UP);
        return new Rates(shown(sign), shown(close), shown(resolution), shown(satisfaction), score);
    }

    /**
     * One tier's ranking: best score first, then by unit for a stable order among equals; units without a score
     * come last, unranked.
     */
    public <K extends Comparable<K>> List<Standing<K>> rank(List<Entry<K>> entries) {
        List<Standing<K>> scored = new ArrayList<>();
        for (Entry<K> e : entries) {
            scored.add(new Standing<>(e.unit(), e.counts(), rates(e.counts()), null));
        }
        scored.sort(Comparator.comparing((Standing<K> s) -> s.rates().score(),
                        Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
                .thenComparing(Standing::unit));
        List<Standing<K>> ranked = new ArrayList<>(scored.size());
        BigDecimal previous = null;
        int rank = 0;
        for (int i = 0; i < scored.size(); i++) {
            Standing<K> s = scored.get(i);
            BigDecimal score = s.rates().score();
            if (score == null) {
                ranked.add(s);
                continue;
            }
            if (previous == null || score.compareTo(previous) != 0) {
                rank = i + 1;
                previous = score;
            }
            ranked.add(new Standing<>(s.unit(), s.counts(), s.rates(), rank));
        }
        return ranked;
    }

    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), EXACT);
    }

    private static BigDecimal shown(BigDecimal rate) {
        return rate == null ? null : rate.setScale(4, RoundingMode.HALF_UP);
    }
}
