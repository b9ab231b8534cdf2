package org.lettersvisits.assignment.access;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;

import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who reads a case file ({@code GET /api/cases/{id}/file}): everyone who works the case. Reception, who registered
 * the petition and answers the petitioner's questions about it; the supervisors and the committee's leaders; a
 * department leader and the officers of the department holding the case, as for {@code GET /api/cases/{id}}
 * ({@link DepartmentAccess}: another department gets the same 403); and the return-visit officers once the case was
 * closed at least once, for from its first answer on they visit the petitioner about it (a case reopened since stays
 * theirs to read). Assignment decides this from its own case before petition-service is asked, so a caller refused
 * here never reaches the petitioner's record.
 */
@RequestScoped
public class CaseFileReaders {

    /** The roles that read every case file (a department leader only their department's). */
    private static final List<String> WHOLE = List.of(Roles.RECEPTION, Roles.SUPERVISOR, Roles.LEADER);

    @Inject
    SecurityIdentity identity;

    @Inject
    DepartmentAccess departments;

    /** 403 unless the caller may read the file of a case {@code holder} holds, closed before or never ({@code everClosed}). */
    public void require(Department holder, boolean everClosed) {
        if (departments.mayRead(holder, WHOLE) || (everClosed && identity.hasRole(Roles.FOLLOWUP))) {
            return;
        }
        throw new ForbiddenException(identity.hasRole(Roles.FOLLOWUP)
                ? "the return-visit officers read a case's file once the case was closed"
                : "the case is held by another department");
    }
}
