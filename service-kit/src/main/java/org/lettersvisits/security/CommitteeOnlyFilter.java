package org.lettersvisits.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Refuses a department leader on a {@link CommitteeOnly} endpoint with 403, ahead of the body and its validation. */
@Provider
@CommitteeOnly
@Priority(Priorities.AUTHORIZATION)
public class CommitteeOnlyFilter implements ContainerRequestFilter {

    @Inject
    LeaderScope leaders;

    @Override
    public void filter(ContainerRequestContext request) {
        leaders.requireCommittee(request.getMethod() + " /" + request.getUriInfo().getPath().replaceFirst("^/", ""));
    }
}
