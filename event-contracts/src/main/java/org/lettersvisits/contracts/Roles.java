package org.lettersvisits.contracts;

/** The realm roles of the platform (see docs/security.md). */
public final class Roles {
    public static final String RECEPTION = "reception";
    public static final String SUPERVISOR = "supervisor";
    public static final String LEADER = "leader";
    public static final String FOLLOWUP = "followup";
    public static final String ADMIN = "admin";
    public static final String DEPT_PUBLIC_SECURITY = "dept-public-security";
    public static final String DEPT_PROCURATORATE = "dept-procuratorate";
    public static final String DEPT_COURT = "dept-court";
    public static final String DEPT_JUSTICE_BUREAU = "dept-justice-bureau";

    private Roles() {
    }
}
