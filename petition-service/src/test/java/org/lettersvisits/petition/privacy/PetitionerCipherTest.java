package org.lettersvisits.petition.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;
import org.lettersvisits.petition.domain.Petitioner;
import org.lettersvisits.petition.domain.SealedPetitioner;

class PetitionerCipherTest {

    private static final Petitioner WANG = new Petitioner("Wang Min", "130100199312266955", "13942175656", "No. 3 Road",
            "Zhongguan");

    @Test
    void a_sealed_petitioner_opens_with_its_key_and_petition_and_shows_nothing_in_clear() {
        UUID petition = UUID.randomUUID();
        SecretKey key = PetitionerCipher.newDataKey();

        SealedPetitioner sealed = PetitionerCipher.seal(WANG, key, petition);

        assertThat(sealed.ciphertext()).startsWith("v1:").doesNotContain("Wang").doesNotContain("19931226");
        assertThat(PetitionerCipher.open(sealed, key, petition)).isEqualTo(WANG);
        assertThat(PetitionerCipher.seal(WANG, key, petition)).isNotEqualTo(sealed); // a fresh IV each time
    }

    @Test
    void another_key_another_petition_or_an_altered_ciphertext_opens_nothing() {
        UUID petition = UUID.randomUUID();
        SecretKey key = PetitionerCipher.newDataKey();
        SealedPetitioner sealed = PetitionerCipher.seal(WANG, key, petition);
        String body = sealed.ciphertext();
        char last = body.charAt(body.length() - 3);
        SealedPetitioner altered = new SealedPetitioner(body.substring(0, body.length() - 3) + (last == 'A' ? 'B' : 'A')
                + body.substring(body.length() - 2));

        assertThatThrownBy(() -> PetitionerCipher.open(sealed, PetitionerCipher.newDataKey(), petition))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PetitionerCipher.open(sealed, key, UUID.randomUUID())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PetitionerCipher.open(altered, key, petition)).isInstanceOf(IllegalStateException.class);
    }
}
