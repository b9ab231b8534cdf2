package org.lettersvisits.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.ws.rs.ForbiddenException;

import org.junit.jupiter.api.Test;
import org.lettersvisits.contracts.Department;

/** How a leader's department claim reads: absent is the committee, a department's name is that department, else 403. */
class LeaderScopeTest {

    @Test
    void a_leader_without_the_claim_reads_the_committees() {
        assertThat(LeaderScope.departmentOf(null)).isEmpty();
    }

    @Test
    void the_claim_names_a_department_by_its_constant_as_a_string_or_a_json_string() {
        assertThat(LeaderScope.departmentOf("PUBLIC_SECURITY")).isEqualTo(Optional.of(Department.PUBLIC_SECURITY));
        assertThat(LeaderScope.departmentOf(Json.createValue("COURT"))).isEqualTo(Optional.of(Department.COURT));
    }

    @Test
    void a_claim_that_names_no_department_is_refused_never_read_as_the_committee() {
        for (Object claim : List.of("public-security", "public_security", "", "TAX_OFFICE", 3,
                List.of("PUBLIC_SECURITY"), Json.createArrayBuilder().add("COURT").build())) {
            assertThatThrownBy(() -> LeaderScope.departmentOf(claim)).as(String.valueOf(claim))
                    .isInstanceOf(ForbiddenException.class).hasMessageContaining("department");
        }
    }
}
