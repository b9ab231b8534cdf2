package org.lettersvisits.assignment.attachments;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a file is, judged by its first bytes (its signature, "magic bytes"), never by its name or the Content-Type its
 * sender claimed: both are the sender's word, and an executable named {@code x.pdf} sent as {@code application/pdf} is
 * still an executable. Only the kinds a case file takes are known: PDF ({@code %PDF-}), JPEG ({@code FF D8 FF}) and
 * PNG ({@code 89 50 4E 47 0D 0A 1A 0A}).
 */
public final class FileSignature {

    private record Known(String mediaType, byte[] signature) {
    }

    private static final List<Known> KNOWN = List.of(
            new Known("application/pdf", new byte[] { '%', 'P', 'D', 'F', '-' }),
            new Known("image/jpeg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }),
            new Known("image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }));

    /** The media types accepted, in the order a refusal names them. */
    public static final List<String> ACCEPTED = KNOWN.stream().map(Known::mediaType).toList();

    private FileSignature() {
    }

    /** The media type {@code content} starts like; empty for any other file. */
    public static Optional<String> mediaTypeOf(byte[] content) {
        return KNOWN.stream().filter(known -> startsWith(content, known.signature())).map(Known::mediaType).findFirst();
    }

    private static boolean startsWith(byte[] content, byte[] signature) {
        return content.length >= signature.length
                && Arrays.equals(content, 0, signature.length, signature, 0, signature.length);
    }
}
