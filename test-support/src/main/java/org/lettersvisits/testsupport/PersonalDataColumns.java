package org.lettersvisits.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.vertx.mutiny.sqlclient.Pool;

/**
 * What a service's tables hold of a person, decided column by column: every column that can hold text (text, varchar,
 * json, jsonb, bytea) is named in the service's {@code personal-data-columns.txt} (a test resource) as
 * {@code table.column  kind  how}, where kind is {@code personal} (scrubbed or sealed on erasure, saying how) or
 * {@code none} (saying why it holds nothing of a person). A new column the file does not name fails the service's
 * test, so no table holds personal data without a decision on its erasure.
 */
public final class PersonalDataColumns {

    private PersonalDataColumns() {
    }

    /** Every text-like column of the service's public schema, as {@code table.column}. */
    public static TreeSet<String> inDatabase(Pool pool) {
        TreeSet<String> columns = new TreeSet<>();
        pool.query("""
                SELECT c.table_name, c.column_name FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
                  AND c.data_type IN ('text', 'character varying', 'json', 'jsonb', 'bytea')
                  AND c.table_name <> 'flyway_schema_history'""").execute().await().atMost(Duration.ofSeconds(10))
                .forEach(row -> columns.add(row.getString("table_name") + "." + row.getString("column_name")));
        return columns;
    }

    /** The decisions of {@code personal-data-columns.txt}: column to its line's kind and reason. */
    public static Map<String, String> decided() {
        Map<String, String> decided = new TreeMap<>();
        try (InputStream in = PersonalDataColumns.class.getClassLoader().getResourceAsStream("personal-data-columns.txt")) {
            if (in == null) {
                throw new IllegalStateException("src/test/resources/personal-data-columns.txt is missing");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    String[] parts = trimmed.split("\\s+", 2);
                    decided.put(parts[0], parts.length > 1 ? parts[1] : "");
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return decided;
    }
}
