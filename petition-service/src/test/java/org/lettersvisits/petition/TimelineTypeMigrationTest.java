package org.lettersvisits.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lettersvisits.testsupport.RealInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Timeline entries stored under class names by earlier versions read under their events' type names after V9. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class TimelineTypeMigrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Test
    void class_names_stored_before_become_type_names_and_other_types_stay() throws IOException {
        UUID petitionId = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.parse("2025-03-04T09:00:00+08:00");
        for (String type : List.of("PetitionRegistered", "CaseAssigned", "ReturnVisitBecameOverdue", "case.closed.v1")) {
            pool.preparedQuery("""
                    INSERT INTO timeline_entry (event_id, petition_id, type, at, actor) VALUES ($1, $2, $3, $4, 'reception1')""")
                    .execute(Tuple.of(UUID.randomUUID(), petitionId, type, at)).await().atMost(WAIT);
            at = at.plusMinutes(1);
        }

        pool.query(migration()).execute().await().atMost(WAIT);

        List<String> types = new ArrayList<>();
        pool.preparedQuery("SELECT type FROM timeline_entry WHERE petition_id = $1 ORDER BY at").execute(Tuple.of(petitionId))
                .await().atMost(WAIT).forEach(row -> types.add(row.getString("type")));
        assertThat(types).containsExactly("petition.registered-sealed.v1", "case.assigned.v1",
                "return-visit.became-overdue.v1", "case.closed.v1");
    }

    private static String migration() throws IOException {
        try (InputStream in = TimelineTypeMigrationTest.class.getClassLoader()
                .getResourceAsStream("db/migration/V9__timeline_type_names.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
