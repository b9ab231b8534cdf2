package org.lettersvisits.assignment.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** A file is what its first bytes say: PDF, JPEG, PNG or nothing a case takes. */
class FileSignatureTest {

    @Test
    void pdf_jpeg_and_png_are_known_by_their_signature() {
        assertThat(FileSignature.mediaTypeOf("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII))).contains("application/pdf");
        assertThat(FileSignature.mediaTypeOf(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDB }))
                .contains("image/jpeg");
        assertThat(FileSignature.mediaTypeOf(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0 }))
                .contains("image/png");
    }

    @Test
    void anything_else_is_nothing_a_case_takes_whatever_it_is_called() {
        assertThat(FileSignature.mediaTypeOf(new byte[] { 'M', 'Z', (byte) 0x90, 0 })).isEmpty();
        assertThat(FileSignature.mediaTypeOf("%PDF".getBytes(StandardCharsets.US_ASCII))).as("cut short").isEmpty();
        assertThat(FileSignature.mediaTypeOf(new byte[] { (byte) 0x89, 'P', 'N', 'G' })).as("cut short").isEmpty();
        assertThat(FileSignature.mediaTypeOf("<html>%PDF-".getBytes(StandardCharsets.US_ASCII))).as("not at the start").isEmpty();
        assertThat(FileSignature.mediaTypeOf(new byte[0])).isEmpty();
    }
}
