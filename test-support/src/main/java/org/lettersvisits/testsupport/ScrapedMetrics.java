package org.lettersvisits.testsupport;

import static io.restassured.RestAssured.given;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The service's {@code /q/metrics} as Prometheus scrapes it, without a token, read the way a query would. */
public final class ScrapedMetrics {

    /**
     * A sample line: name, labels (quoted values may hold braces, e.g. {@code uri="/api/cases/{id}"}), value, and
     * whatever follows (a timestamp, or an exemplar {@code # {trace_id="..."} 0.01}, which tracing adds).
     */
    private static final Pattern SAMPLE = Pattern.compile(
            "^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{((?:[^\"}]|\"(?:[^\"\\\\]|\\\\.)*\")*)})?\\s+(\\S+).*$");

    private final String text;

    private ScrapedMetrics(String text) {
        this.text = text;
    }

    public static ScrapedMetrics scrape() {
        return new ScrapedMetrics(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /** The sum of every sample of {@code name} whose labels include {@code labels}; -1 when there is none. */
    public double sum(String name, Map<String, String> labels) {
        double sum = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.matches() && sample.group(1).equals(name)
                    && labels.entrySet().stream().allMatch(l -> hasLabel(sample.group(3), l.getKey(), l.getValue()))) {
                sum += Double.parseDouble(sample.group(4));
                found = true;
            }
        }
        return found ? sum : -1;
    }

    public double sum(String name) {
        return sum(name, Map.of());
    }

    /** Whether any sample's name starts with {@code prefix}. */
    public boolean has(String prefix) {
        return Arrays.stream(text.split("\n")).anyMatch(line -> line.startsWith(prefix));
    }

    private static boolean hasLabel(String labels, String key, String value) {
        return labels != null && labels.contains(key + "=\"" + value + "\"");
    }
}
