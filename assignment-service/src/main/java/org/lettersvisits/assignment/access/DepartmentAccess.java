package org.lettersvisits.assignment.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;

import org.lettersvisits.contracts.Department;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Row-level access: a department officer sees and changes only the cases their department holds;
 * the roles a call names as unrestricted (supervisor, leader) see all.
 */
@RequestScoped
public class DepartmentAccess {

    @Inject
    SecurityIdentity identity;

    public void requireHolding(Department holder, List<String> unrestrictedRoles) {
        if (unrestrictedRoles.stream().anyMatch(identity::hasRole) || identity.hasRole(holder.officerRole())) {
            return;
        }
        throw new ForbiddenException("the case is held by another department");
    }

    /**
     * Which holding departments this caller may act for, decided now (from the token) and applied later
     * to the case as the command's transaction loads it.
     */
    public Predicate<Department> mayActFor(List<String> unrestrictedRoles) {
        if (unrestrictedRoles.stream().anyMatch(identity::hasRole)) {
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

    public boolean mayRead(Department department, List<String> unrestrictedRoles) {
        return unrestrictedRoles.stream().anyMatch(identity::hasRole) || identity.hasRole(department.officerRole());
    }

    public String actor() {
        return identity.getPrincipal().getName();
    }
}
