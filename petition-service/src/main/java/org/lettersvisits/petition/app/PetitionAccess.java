package org.lettersvisits.petition.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ForbiddenException;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.Roles;
import org.lettersvisits.petition.search.ClosedCases;
import org.lettersvisits.petition.search.PetitionSummary;
import org.lettersvisits.security.LeaderScope;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Which petitions the caller at hand reads, in one place for every read by id: a petition's detail, its case file, its
 * petitioner's contacts. The case file adds the return-visit office to the detail's readers, for petitions whose case
 * was ever closed ({@link ClosedCases}): it calls on petitioners about the answer they were given, not before.
 */
@RequestScoped
public class PetitionAccess {

    private final SecurityIdentity identity;
    private final LeaderScope leaders;
    private final ClosedCases closedCases;

    PetitionAccess(SecurityIdentity identity, LeaderScope leaders, ClosedCases closedCases) {
        this.identity = identity;
        this.leaders = leaders;
        this.closedCases = closedCases;
    }

    /** Reception and supervisors read every petition; a leader those their reach holds; an officer their department's. */
    public boolean mayRead(String department) {
        Department holder = department == null ? null : Department.valueOf(department);
        if (identity.hasRole(Roles.RECEPTION) || identity.hasRole(Roles.SUPERVISOR)
                || (identity.hasRole(Roles.LEADER) && leaders.mayRead(holder))) {
            return true;
        }
        return holder != null && identity.hasRole(holder.officerRole());
    }

    /** Whoever reads the petition, and the return-visit office once its case was ever closed. */
    public boolean mayReadCaseFile(String department, boolean everClosed) {
        return mayRead(department) || (everClosed && identity.hasRole(Roles.FOLLOWUP));
    }

    /**
     * 403 unless the caller may read the case file of {@code petition}; whether its case was ever closed is asked only
     * where it decides (the return-visit office).
     */
    public Uni<Void> requireCaseFile(PetitionSummary petition) {
        if (mayRead(petition.department())) {
            return Uni.createFrom().voidItem();
        }
        if (!identity.hasRole(Roles.FOLLOWUP)) {
            return Uni.createFrom().failure(new ForbiddenException("petition " + petition.id()
                    + " is not held by your department"));
        }
        return closedCases.everClosed(petition.id()).invoke(closed -> {
            if (!mayReadCaseFile(petition.department(), closed)) {
                throw new ForbiddenException("the case of petition " + petition.id() + " has never been closed: the "
                        + "return-visit office reads a petitioner once their case is closed");
            }
        }).replaceWithVoid();
    }
}
