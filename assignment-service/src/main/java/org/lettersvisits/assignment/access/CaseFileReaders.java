package org.lettersvisits.assignment.access;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;

import org.lettersvisits.assignment.domain.CaseCommand;
import org.lettersvisits.assignment.domain.CaseFile;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.Roles;
import org.lettersvisits.contracts.assignment.CaseEvent;
import org.lettersvisits.eventstore.Aggregate;
import org.lettersvisits.eventstore.EventSourcedRepository;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

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

    @Inject
    Pool pool;

    @Inject
    EventSourcedRepository<CaseCommand, CaseEvent, CaseFile> cases;

    /**
     * The case, once the caller is found among the readers of its file: 404 for no such case, 403 for anyone else.
     * Every part of the file (the file itself, its reveal, its attachments and documents) is reached through here.
     */
    public Uni<Aggregate<CaseEvent, CaseFile>> readable(UUID id) {
        return cases.load(pool, id).invoke(aggregate -> {
            CaseFile c = aggregate.state();
            if (!c.exists()) {
                throw new NotFoundException("no case " + id);
            }
            require(c.department(), c.everClosed());
        });
    }

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
