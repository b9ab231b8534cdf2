package org.lettersvisits.time;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The clock business dates come from: the committee's time zone (default Asia/Shanghai).
 * Code asks it for "today"; tests replace it to move time without waiting.
 */
@ApplicationScoped
public class BusinessClock {

    @ConfigProperty(name = "committee.time-zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.system(zone);
    }
}
