package dev.perfshell.repl.plot;

import java.util.Locale;

/**
 * A small SVG document built element by element: self-contained (no fonts, scripts or links to
 * fetch), so a plot opens anywhere, offline. Text is escaped; numbers are written with two decimals.
 */
public final class Svg {
    private final int width;
    private final int height;
    private final StringBuilder body = new StringBuilder();

    public Svg(int width, int height) {
        this.width = width;
        this.height = height;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public Svg rect(double x, double y, double w, double h, String fill, String extra) {
        body.append(String.format(
                Locale.ROOT,
                "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"%s/>%n",
                x,
                y,
                Math.max(0, w),
                Math.max(0, h),
                fill,
                attributes(extra)));
        return this;
    }

    public Svg line(double x1, double y1, double x2, double y2, String stroke, String extra) {
        body.append(String.format(
                Locale.ROOT,
                "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"%s\"%s/>%n",
                x1,
                y1,
                x2,
                y2,
                stroke,
                attributes(extra)));
        return this;
    }

    public Svg circle(double cx, double cy, double r, String fill, String extra) {
        body.append(String.format(
                Locale.ROOT,
                "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.2f\" fill=\"%s\"%s/>%n",
                cx,
                cy,
                r,
                fill,
                attributes(extra)));
        return this;
    }

    public Svg polyline(double[] xs, double[] ys, String stroke, String extra) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xs.length; i++)
            points.append(String.format(Locale.ROOT, "%s%.2f,%.2f", i == 0 ? "" : " ", xs[i], ys[i]));
        body.append("<polyline points=\"")
                .append(points)
                .append("\" fill=\"none\" stroke=\"")
                .append(stroke)
                .append('"')
                .append(attributes(extra))
                .append("/>\n");
        return this;
    }

    /** Text at (x, y); {@code anchor} is start, middle or end. */
    public Svg text(double x, double y, String text, String anchor, int size, String extra) {
        body.append(String.format(
                Locale.ROOT,
                "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"%s\" font-size=\"%d\"%s>%s</text>%n",
                x,
                y,
                anchor,
                size,
                attributes(extra),
                escape(text)));
        return this;
    }

    /** A tooltip-free title for screen readers and file browsers. */
    public String document(String title) {
        return String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"sans-serif\">%n<title>%s</title>%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n%s</svg>%n",
                width,
                height,
                width,
                height,
                escape(title),
                body);
    }

    /** The SVG inside a minimal HTML page, for a browser tab. */
    public String html(String title) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head>\n<body>\n" + document(title) + "</body></html>\n";
    }

    private static String attributes(String extra) {
        return extra == null || extra.isEmpty() ? "" : " " + extra;
    }

    /** Text in SVG or HTML, as content or in a double-quoted attribute. */
    public static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
