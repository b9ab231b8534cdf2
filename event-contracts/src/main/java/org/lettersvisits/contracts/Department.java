package org.lettersvisits.contracts;

import java.util.Arrays;
import java.util.Optional;

/**
 * The political-legal departments a law-and-litigation case can be assigned to.
 * JSON uses the constant name ({@code PUBLIC_SECURITY}); URL paths use the slug ({@code public-security});
 * the realm role of the department's officers is {@code dept-} plus the slug.
 */
public enum Department {
    PUBLIC_SECURITY("public-security"),
    PROCURATORATE("procuratorate"),
    COURT("court"),
    JUSTICE_BUREAU("justice-bureau");

    private final String slug;

    Department(String slug) {
        this.slug = slug;
    }

    /** The department's name in URL paths, e.g. {@code public-security}. */
    public String slug() {
        return slug;
    }

    /** The realm role held by this department's case officers, e.g. {@code dept-public-security}. */
    public String officerRole() {
        return "dept-" + slug;
    }

    /** The department named by a path slug, if any. */
    public static Optional<Department> fromSlug(String slug) {
        return Arrays.stream(values()).filter(d -> d.slug.equals(slug)).findFirst();
    }
}
