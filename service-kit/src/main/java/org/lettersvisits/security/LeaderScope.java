package org.lettersvisits.security;

import java.util.Arrays;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import jakarta.ws.rs.ForbiddenException;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * How far a leader reads. A caller with the realm role {@code leader} whose token carries the claim
 * {@code department} (a {@link Department} constant name: {@code "department": "PUBLIC_SECURITY"}) is a department
 * leader: they read only the cases and figures of that department, and act as no department's officer. A leader
 * without the claim reads the committee's, as before. The claim is read here, once, for every service; on a token
 * without the leader role it means nothing.
 *
 * <p>A claim that names no department (misspelt, a list, a number) is refused with 403 wherever a leader reads, so a
 * mistake in the realm never widens what someone sees.
 */
@RequestScoped
public class LeaderScope {

    /** The token claim naming a department leader's department. */
    public static final String DEPARTMENT_CLAIM = "department";

    private final SecurityIdentity identity;

    LeaderScope(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The department a department leader is limited to; empty for a committee leader and for every other caller. */
    public Optional<Department> department() {
        if (!identity.hasRole(Roles.LEADER) || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        return departmentOf(token.getClaim(DEPARTMENT_CLAIM));
    }

    /** Whether the caller is a department leader. */
    public boolean limited() {
        return department().isPresent();
    }

    /** 403 for a department leader: {@code what} only the committee's leaders read or do (see {@link CommitteeOnly}). */
    public void requireCommittee(String what) {
        department().ifPresent(own -> {
            throw new ForbiddenException(what + " is the committee's, not one department's");
        });
    }

    /** 403 when a department leader asks for another department's cases or figures. */
    public void requireOwn(Department wanted) {
        department().filter(own -> own != wanted).ifPresent(own -> {
            throw new ForbiddenException("a department leader reads only their own department's cases");
        });
    }

    /**
     * Whether this caller's leader role lets them read what {@code holder} holds: a committee leader everything, a
     * department leader only their department's ({@code null}, held by no department, is not theirs). Says nothing of
     * the caller's other roles.
     */
    public boolean mayRead(Department holder) {
        return department().map(own -> own == holder).orElse(true);
    }

    /** The department a leader's claim names: empty without a claim, 403 for one that names no department. */
    static Optional<Department> departmentOf(Object claim) {
        if (claim == null) {
            return Optional.empty();
        }
        String name = claim instanceof String text ? text : claim instanceof JsonString json ? json.getString() : null;
        return Optional.of(Arrays.stream(Department.values()).filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new ForbiddenException("the token's " + DEPARTMENT_CLAIM
                        + " claim names no department")));
    }
}
