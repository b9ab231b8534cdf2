package org.lettersvisits.assignment.assigning;

import java.time.MonthDay;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the {@link DeadlinePolicy} from configuration ({@code assignment.deadline.*}). */
@ApplicationScoped
public class DeadlineSettings {

    @ConfigProperty(name = "assignment.deadline.routine-days", defaultValue = "30")
    int routineDays;

    /** Month and day of the deadline for difficult cases, {@code MM-dd}. */
    @ConfigProperty(name = "assignment.deadline.difficult-by", defaultValue = "12-15")
    String difficultBy;

    @Produces
    @Singleton
    DeadlinePolicy deadlinePolicy() {
        return new DeadlinePolicy(routineDays, MonthDay.parse("--" + difficultBy));
    }
}
