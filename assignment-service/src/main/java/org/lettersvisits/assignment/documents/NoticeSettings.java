package org.lettersvisits.assignment.documents;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lettersvisits.documents.CaseNotices;
import org.lettersvisits.time.StatutoryLimits;

/**
 * The notices' wording ({@link CaseNotices}) with the office's own names: {@code documents.committee-name}, the body
 * that issues the 交办单, and {@code documents.seal-line}, the line every notice ends with where the seal goes.
 */
@Singleton
public class NoticeSettings {

    @Produces
    @Singleton
    CaseNotices notices(@ConfigProperty(name = "documents.committee-name") String committeeName,
            @ConfigProperty(name = "documents.seal-line") String sealLine, StatutoryLimits limits) {
        return new CaseNotices(committeeName, sealLine, limits);
    }
}
