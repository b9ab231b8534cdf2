package org.lettersvisits.contracts;

import java.util.List;

import org.lettersvisits.contracts.petition.PetitionRegistered;
import org.lettersvisits.contracts.petition.RepeatVisitRecorded;

/** Every event class of the platform, so one codec can read any topic. */
final class PlatformEvents {

    static final List<Class<?>> ALL = List.of(
            PetitionRegistered.class,
            RepeatVisitRecorded.class);

    private PlatformEvents() {
    }
}
