package org.lettersvisits.assignment.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.Roles;
import org.lettersvisits.security.LeaderScope;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Row-level access: a department officer sees and changes only the cases their department holds; the roles a call
 * names as unrestricted (supervisor, leader) see all, except that a department leader ({@link LeaderScope}) reads only
 * their department's cases and acts for none.
 */
@RequestScoped
public class DepartmentAccess {

    @Inject
    SecurityIdentity identity;

    @Inject
    LeaderScope leaders;

    /** 403 unless the caller may read the cases {@code holder} holds. */
    public void requireHolding(Department holder, List<String> unrestrictedRoles) {
        if (!mayRead(holder, unrestrictedRoles)) {
            throw new ForbiddenException("the case is held by another department");
        }
    }

    /**
     * Whether the caller may read the cases {@code holder} holds: an unrestricted role (a leader's within their
     * scope), or the holding department's officer.
     */
    public boolean mayRead(Department holder, List<String> unrestrictedRoles) {
        return unrestrictedRoles.stream().anyMatch(role -> holds(role, holder)) || identity.hasRole(holder.officerRole());
    }

    /**
     * Which holding departments this caller may act for, decided now (from the token) and applied later
     * to the case as the command's transaction loads it. A department leader acts for none as a leader.
     */
    public Predicate<Department> mayActFor(List<String> unrestrictedRoles) {
        if (unrestrictedRoles.stream().anyMatch(role -> identity.hasRole(role)
                && !(role.equals(Roles.LEADER) && leaders.limited()))) {
            return department -> true;
        }
        Set<Department> own = EnumSet.noneOf(Department.class);
        for (Department department : Department.values()) {
            if (identity.hasRole(department.officerRole())) {
                own.add(department);
            }
        }
        return own::contains;
    }

    /** The department a department leader's lists are limited to; empty for everyone who reads them whole. */
    public Optional<Department> leaderDepartment() {
        return leaders.department();
    }

    public String actor() {
        return identity.getPrincipal().getName();
    }

    private boolean holds(String role, Department holder) {
        return identity.hasRole(role) && (!role.equals(Roles.LEADER) || leaders.mayRead(holder));
    }
}
