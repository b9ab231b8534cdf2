package org.lettersvisits.assignment.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.assignment.CaseEvent;
import org.lettersvisits.eventstore.FreeTextMigration;
import org.lettersvisits.eventstore.Republication;

import io.quarkus.runtime.StartupEvent;

/**
 * At start: the subjects, reasons and resolutions stored in clear by earlier versions are sealed in place, and the
 * cases' history is re-published, sealed, onto {@code assignment-events.v2} ({@link FreeTextMigration}).
 */
@ApplicationScoped
public class StartupMigrations {

    private final FreeTextMigration migration;

    StartupMigrations(FreeTextMigration migration) {
        this.migration = migration;
    }

    void onStart(@Observes StartupEvent start) {
        migration.runAtStart(new Republication.Spec<>(Cases.AGGREGATE_TYPE, CaseEvent.class, Cases.PUBLISHING,
                Topics.replacedBy(Topics.ASSIGNMENT_EVENTS)));
    }
}
