package org.lettersvisits.testsupport;

import java.util.List;

import org.lettersvisits.contracts.Department;

/**
 * The kinds of user of the realm as service tests sign them in: one per role, and a department leader (the role
 * {@code leader} with the token claim {@code department}, here public security), who reads only that department's
 * cases and figures.
 */
public enum Users {
    RECEPTION("reception1", "reception"),
    SUPERVISOR("supervisor1", "supervisor"),
    LEADER("leader1", "leader"),
    FOLLOWUP("followup1", "followup"),
    POLICE("police1", "dept-public-security"),
    PROCURATOR("procurator1", "dept-procuratorate"),
    JUDGE("judge1", "dept-court"),
    JUSTICE("justice1", "dept-justice-bureau"),
    ADMIN("admin1", "admin"),
    DEPARTMENT_LEADER("deptleader1", "leader", Department.PUBLIC_SECURITY);

    /** How the security matrices name the department leader, beside the roles. */
    public static final String DEPARTMENT_LEADER_KIND = "department-leader";

    private final String userName;
    private final String role;
    private final Department department;

    Users(String userName, String role) {
        this(userName, role, null);
    }

    Users(String userName, String role, Department department) {
        this.userName = userName;
        this.role = role;
        this.department = department;
    }

    public String userName() {
        return userName;
    }

    /** The realm role the token holds ({@code leader} for the department leader too). */
    public String role() {
        return role;
    }

    /** The department a department leader's token names; null for everyone else. */
    public Department department() {
        return department;
    }

    /** What a security matrix calls this user: the role, or {@code department-leader}. */
    public String kind() {
        return department == null ? role : DEPARTMENT_LEADER_KIND;
    }

    /** The {@code Authorization} header value for this user. */
    public String bearer() {
        return "Bearer " + (department == null ? TestTokens.tokenFor(userName, role)
                : TestTokens.departmentLeaderToken(userName, department));
    }

    /** Every user whose role is not among {@code roles}. */
    public static List<Users> without(List<Users> allowed) {
        return java.util.Arrays.stream(values()).filter(u -> !allowed.contains(u)).toList();
    }
}
