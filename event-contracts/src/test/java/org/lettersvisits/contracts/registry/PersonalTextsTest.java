package org.lettersvisits.contracts.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.assignment.CaseClosed;

/** The free-text fields every service scrubs when a person is erased: each written by or about the petitioner. */
class PersonalTextsTest {

    @Test
    void the_subject_every_reason_the_resolution_the_notes_and_a_files_name_are_personal_text() {
        assertThat(PersonalTexts.FIELDS).containsExactly("description", "name", "note", "notes", "petitioner",
                "reason", "receivedBy", "resolution", "subject");
    }

    @Test
    void a_redacted_event_keeps_everything_but_the_free_text() {
        UUID id = UUID.randomUUID();
        CaseClosed closed = new CaseClosed(id, "XF-2026-00042", Department.COURT, "张三 13800138000 的工资已追回",
                LocalDate.of(2026, 11, 2));

        assertThat(PersonalTexts.redacted(closed))
                .isEqualTo(new CaseClosed(id, "XF-2026-00042", Department.COURT, null, LocalDate.of(2026, 11, 2)));
    }
}
