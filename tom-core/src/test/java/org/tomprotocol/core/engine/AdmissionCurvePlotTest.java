package org.tomprotocol.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomprotocol.core.engine.EngineTestSupport.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.tomprotocol.api.NodeId;

/**
 * The admission curve's plot in docs/roles.md ({@code docs/admission-curve.svg}) is what {@link OriginAdmission} does:
 * an origin sends at a steady rate for two minutes of virtual time (twelve of its rate's half-lives), and the cost of
 * its last message is plotted against the rate. The file in the repository must be the one generated here; after a
 * change to the curve, regenerate it:
 * <pre>./mvnw -B -o -q -pl tom-core verify -Dtest=AdmissionCurvePlotTest -Dtom.updateGolden=true</pre>
 */
class AdmissionCurvePlotTest {
    private static final Path PLOT = Path.of("..", "docs", "admission-curve.svg");
    private static final double[] RATES = rates();
    private static final int WIDTH = 760;
    private static final int HEIGHT = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 690;
    private static final int TOP = 40;
    private static final int BOTTOM = 360;
    private static final double MIN_RATE = 1;
    private static final double MAX_RATE = 4_000;

    /** One origin's steady state: the rate it sends at, and what its last message cost. */
    private record Point(double rate, AdmissionCost cost) {
    }

    private static double[] rates() {
        List<Double> rates = new ArrayList<>();
        for (double rate = MIN_RATE; rate <= MAX_RATE * 1.0001; rate *= Math.pow(2, 0.125)) {
            rates.add(rate);
        }
        return rates.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Sends at {@code rate} for two minutes from an origin of {@code score}, evenly spaced in virtual time. */
    private static Point steady(double rate, double score) {
        NodeId origin = node(2);
        OriginAdmission admission = new OriginAdmission((id, now) -> score);
        long messages = Math.round(rate * 120);
        AdmissionCost last = AdmissionCost.FREE;
        for (long i = 0; i < messages; i++) {
            last = admission.cost(origin, Math.round(i * 1000 / rate));
        }
        return new Point(rate, last);
    }

    private static List<Point> curve(double score) {
        List<Point> points = new ArrayList<>();
        for (double rate : RATES) {
            points.add(steady(rate, score));
        }
        return points;
    }

    @Test
    void thePlotInTheDocsIsTheCurveTheEngineApplies() throws IOException {
        String svg = svg(curve(0), curve(50));
        if (Boolean.getBoolean("tom.updateGolden")) {
            Files.writeString(PLOT, svg, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(PLOT, StandardCharsets.UTF_8))
                .as("docs/admission-curve.svg is stale; regenerate it with -Dtom.updateGolden=true").isEqualTo(svg);
    }

    @Test
    void theSteadyCostRisesWithTheRateAndNeverRefuses() {
        for (double score : new double[] {0, 50}) {
            AdmissionCost previous = AdmissionCost.FREE;
            for (Point point : curve(score)) {
                assertThat(point.cost().delayMs()).isGreaterThanOrEqualTo(previous.delayMs());
                assertThat(point.cost().stampBits()).isGreaterThanOrEqualTo(previous.stampBits())
                        .isLessThanOrEqualTo(OriginAdmission.MAX_STAMP_BITS);
                previous = point.cost();
            }
            assertThat(previous.stampBits()).as("at 4 000 a second: the hardest price, still payable")
                    .isEqualTo(OriginAdmission.MAX_STAMP_BITS);
        }
        assertThat(steady(9, 0).cost()).as("a newcomer within its 10 a second").isEqualTo(AdmissionCost.FREE);
        assertThat(steady(40, 50).cost()).as("a contributor within its ~43 a second").isEqualTo(AdmissionCost.FREE);
    }

    private static double x(double rate) {
        return LEFT + (RIGHT - LEFT) * Math.log(rate / MIN_RATE) / Math.log(MAX_RATE / MIN_RATE);
    }

    private static double yDelay(long delayMs) {
        return BOTTOM - (BOTTOM - TOP) * delayMs / (double) OriginAdmission.MAX_DELAY_MS;
    }

    private static double yBits(int bits) {
        return BOTTOM - (BOTTOM - TOP) * bits / (double) OriginAdmission.MAX_STAMP_BITS;
    }

    private static String polyline(List<Point> points, boolean delay, String colour, String dash) {
        StringBuilder line = new StringBuilder();
        for (Point point : points) {
            line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(point.rate()),
                    delay ? yDelay(point.cost().delayMs()) : yBits(point.cost().stampBits())));
        }
        return String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"%s\"/>%n",
                colour, dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"", line.toString().strip());
    }

    private static String text(double x, double y, String anchor, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n", x, y, anchor,
                content);
    }

    private static String svg(List<Point> newcomer, List<Point> contributor) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT));
        svg.append("<!-- generated by AdmissionCurvePlotTest from OriginAdmission; do not edit -->\n");
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        for (double rate = 1; rate <= MAX_RATE; rate *= 10) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n",
                    x(rate), TOP, x(rate), BOTTOM));
            svg.append(text(x(rate), BOTTOM + 16, "middle", String.valueOf((long) rate)));
        }
        for (int delay = 0; delay <= OriginAdmission.MAX_DELAY_MS; delay += 500) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    LEFT, yDelay(delay), RIGHT, yDelay(delay)));
            svg.append(text(LEFT - 6, yDelay(delay) + 4, "end", String.valueOf(delay)));
        }
        for (int bits = 0; bits <= OriginAdmission.MAX_STAMP_BITS; bits += 4) {
            svg.append(text(RIGHT + 6, yBits(bits) + 4, "start", String.valueOf(bits)));
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"black\"/>%n", LEFT, TOP, RIGHT - LEFT, BOTTOM - TOP));
        svg.append(text((LEFT + RIGHT) / 2.0, BOTTOM + 36, "middle",
                "messages a second from one origin (steady, log scale)"));
        svg.append(String.format(Locale.ROOT, "<text transform=\"translate(18,%d) rotate(-90)\" text-anchor=\"middle\">"
                + "added delay (ms), solid</text>%n", (TOP + BOTTOM) / 2));
        svg.append(String.format(Locale.ROOT, "<text transform=\"translate(%d,%d) rotate(90)\" text-anchor=\"middle\">"
                + "stamp difficulty (bits), dashed</text>%n", WIDTH - 20, (TOP + BOTTOM) / 2));
        svg.append(text((LEFT + RIGHT) / 2.0, 24, "middle",
                "Lock 5: what one more message costs (OriginAdmission, steady state after two minutes)"));
        svg.append(polyline(newcomer, true, "#c0392b", ""));
        svg.append(polyline(newcomer, false, "#c0392b", "6,4"));
        svg.append(polyline(contributor, true, "#2471a3", ""));
        svg.append(polyline(contributor, false, "#2471a3", "6,4"));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#c0392b\">newcomer (score 0: 10 a second "
                + "free)</text>%n", LEFT + 10, TOP + 18));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#2471a3\">contributor (score 50: about 43 "
                + "a second free)</text>%n", LEFT + 10, TOP + 34));
        svg.append("</svg>\n");
        return svg.toString();
    }
}
