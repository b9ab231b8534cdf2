package org.lettersvisits.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Chinese names exports give codes ({@code COURT} → 法院, {@code SUSPENDED} → 已中止): the same message files the
 * pages use (the kit's, then the service's own), so a spreadsheet and the screen never name a thing differently.
 */
public final class ExportLabels {

    private static final Map<String, String> MESSAGES = load();

    private ExportLabels() {
    }

    /** The message under {@code key} (e.g. {@code case.caseNumber}), the key itself when none exists. */
    public static String message(String key) {
        return MESSAGES.getOrDefault(key, key);
    }

    /** The label of {@code prefix.code} (e.g. {@code department}, {@code COURT}), the code itself when none exists. */
    public static String of(String prefix, Object code) {
        if (code == null) {
            return "";
        }
        String name = code instanceof Enum<?> e ? e.name() : code.toString();
        return MESSAGES.getOrDefault(prefix + "." + name, name);
    }

    private static Map<String, String> load() {
        Map<String, String> messages = new HashMap<>();
        read("META-INF/resources/kit/messages.zh-CN.json", messages);
        read("META-INF/resources/messages.zh-CN.json", messages);
        return Map.copyOf(messages);
    }

    private static void read(String resource, Map<String, String> into) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                into.putAll(new ObjectMapper().readValue(in, new TypeReference<Map<String, String>>() {
                }));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
