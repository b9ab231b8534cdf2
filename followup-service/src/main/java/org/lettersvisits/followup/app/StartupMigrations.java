package org.lettersvisits.followup.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.lettersvisits.contracts.Topics;
import org.lettersvisits.contracts.followup.ReturnVisitEvent;
import org.lettersvisits.eventstore.FreeTextMigration;
import org.lettersvisits.eventstore.Republication;

import io.quarkus.runtime.StartupEvent;

/**
 * At start: the visits' notes stored in clear by earlier versions are sealed in place, and the return visits' history
 * is re-published, sealed, onto {@code followup-events.v2} ({@link FreeTextMigration}).
 */
@ApplicationScoped
public class StartupMigrations {

    private final FreeTextMigration migration;

    StartupMigrations(FreeTextMigration migration) {
        this.migration = migration;
    }

    void onStart(@Observes StartupEvent start) {
        migration.runAtStart(new Republication.Spec<>(ReturnVisits.AGGREGATE_TYPE, ReturnVisitEvent.class,
                ReturnVisits.PUBLISHING, Topics.replacedBy(Topics.FOLLOWUP_EVENTS)));
    }
}
