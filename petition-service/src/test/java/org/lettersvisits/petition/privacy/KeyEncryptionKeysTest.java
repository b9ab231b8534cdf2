package org.lettersvisits.petition.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** How the key-encryption keys are read from configuration: by id, from properties or the environment, old key as k0. */
class KeyEncryptionKeysTest {

    private static final String K0 = KeyCheckTest.TEST_K0;
    private static final String K2 = KeyRotationTest.K1;

    private static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 300)).build();
    }

    @Test
    void the_single_key_of_earlier_versions_is_k0_and_current_by_default() {
        KeyEncryptionKeys keys = new KeyEncryptionKeys(config(Map.of("petition.privacy.key-encryption-key", K0)));

        assertThat(keys.currentId()).isEqualTo("k0");
        assertThat(keys.ids()).containsExactly("k0");
    }

    @Test
    void keys_by_id_come_from_properties_and_from_environment_variables() {
        KeyEncryptionKeys keys = new KeyEncryptionKeys(config(Map.of("petition.privacy.key-encryption-key", K0,
                "PETITION_PRIVACY_KEY_ENCRYPTION_KEYS_K2", K2, "petition.privacy.key-encryption-key-id", "k2")));

        assertThat(keys.currentId()).isEqualTo("k2");
        assertThat(keys.ids()).containsExactly("k0", "k2");
        assertThat(keys.current().getEncoded()).isEqualTo(java.util.Base64.getDecoder().decode(K2));
    }

    @Test
    void two_values_for_one_id_or_a_malformed_id_are_refused() {
        assertThatThrownBy(() -> new KeyEncryptionKeys(config(Map.of("petition.privacy.key-encryption-key", K0,
                "petition.privacy.key-encryption-keys.k0", K2)))).isInstanceOf(KeyCheckFailed.class)
                .hasMessageContaining("key-encryption key k0 is configured twice");
        assertThatThrownBy(() -> new KeyEncryptionKeys(config(Map.of("petition.privacy.key-encryption-keys.K-1", K0))))
                .isInstanceOf(KeyCheckFailed.class).hasMessageContaining("'K-1'");
    }
}
