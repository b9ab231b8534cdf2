package org.lettersvisits.eventstore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The hashes of the event log, computed in Java from what is stored, never by the database's own functions (whoever
 * owns the database could replace those): SHA-256, hex, over the fields joined by {@code |}, as PostgreSQL's
 * {@code concat_ws('|', ...)} joins them in {@code event_hash} (db/eventstore V0_8): a null field is left out.
 */
final class Hashes {

    private Hashes() {
    }

    static String of(String... fields) {
        return sha256(Stream.of(fields).filter(Objects::nonNull).collect(Collectors.joining("|")));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
