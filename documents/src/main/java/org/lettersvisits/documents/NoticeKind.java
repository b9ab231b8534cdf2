package org.lettersvisits.documents;

import java.util.Locale;

/**
 * The notices a case issues as it goes, one for each event that requires one ({@link CaseNotices} words them): the
 * committee's assignment sheet to the department, and the department's notices to the petitioner, which name them.
 */
public enum NoticeKind {
    /** 交办单: to the department, when the case is assigned to it (or transferred to it). */
    ASSIGNMENT_SHEET("交办单", false),
    /** 受理告知书: to the petitioner, when the department accepts the case. */
    ACCEPTANCE_NOTICE("受理告知书", true),
    /** 延期告知书: to the petitioner, when the handling period is extended. */
    EXTENSION_NOTICE("延期告知书", true),
    /** 处理意见书: to the petitioner, when the department answers (closes the case). */
    WRITTEN_ANSWER("处理意见书", true);

    private final String title;
    private final boolean addressedToPetitioner;

    NoticeKind(String title, boolean addressedToPetitioner) {
        this.title = title;
        this.addressedToPetitioner = addressedToPetitioner;
    }

    /** The document's name in Chinese (交办单). */
    public String title() {
        return title;
    }

    /** Whether the notice is addressed to the petitioner by name (every kind but the assignment sheet). */
    public boolean addressedToPetitioner() {
        return addressedToPetitioner;
    }

    /** How a document's id starts: {@code written-answer} for {@code written-answer-7}. */
    public String idPrefix() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
