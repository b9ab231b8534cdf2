package org.lettersvisits.testsupport;

import java.util.List;

/** The nine kinds of user of the realm, one per role, as service tests sign them in. */
public enum Users {
    RECEPTION("reception1", "reception"),
    SUPERVISOR("supervisor1", "supervisor"),
    LEADER("leader1", "leader"),
    FOLLOWUP("followup1", "followup"),
    POLICE("police1", "dept-public-security"),
    PROCURATOR("procurator1", "dept-procuratorate"),
    JUDGE("judge1", "dept-court"),
    JUSTICE("justice1", "dept-justice-bureau"),
    ADMIN("admin1", "admin");

    private final String userName;
    private final String role;

    Users(String userName, String role) {
        this.userName = userName;
        this.role = role;
    }

    public String userName() {
        return userName;
    }

    public String role() {
        return role;
    }

    /** The {@code Authorization} header value for this user. */
    public String bearer() {
        return "Bearer " + TestTokens.tokenFor(userName, role);
    }

    /** Every user whose role is not among {@code roles}. */
    public static List<Users> without(List<Users> allowed) {
        return java.util.Arrays.stream(values()).filter(u -> !allowed.contains(u)).toList();
    }
}
