package dev.perfshell.repl.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear or logarithmic axis: maps values to pixels, and picks "nice" tick values (1, 2, 5 × 10ⁿ
 * on a linear axis; powers of ten on a logarithmic one).
 */
final class Axis {
    private final double low;
    private final double high;
    private final double from;
    private final double to;
    private final boolean log;

    Axis(double low, double high, double fromPixel, double toPixel, boolean log) {
        if (log) {
            low = Math.max(low, Double.MIN_NORMAL);
            high = Math.max(high, low * 10);
        }
        if (high <= low) {
            double pad = low == 0 ? 1 : Math.abs(low) * 0.05;
            low -= pad;
            high += pad;
        }
        this.low = low;
        this.high = high;
        this.from = fromPixel;
        this.to = toPixel;
        this.log = log;
    }

    double pixel(double value) {
        double share = log
                ? (Math.log10(value) - Math.log10(low)) / (Math.log10(high) - Math.log10(low))
                : (value - low) / (high - low);
        return from + share * (to - from);
    }

    double fromPixel() {
        return from;
    }

    double toPixel() {
        return to;
    }

    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        if (log) {
            for (double t = Math.pow(10, Math.ceil(Math.log10(low))); t <= high * 1.0000001; t *= 10) ticks.add(t);
            return ticks;
        }
        double raw = (high - low) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / magnitude < 1.5
                ? magnitude
                : raw / magnitude < 3.5 ? 2 * magnitude : raw / magnitude < 7.5 ? 5 * magnitude : 10 * magnitude;
        for (double t = Math.ceil(low / step) * step; t <= high + step * 1e-9; t += step) ticks.add(t);
        return ticks;
    }
}
