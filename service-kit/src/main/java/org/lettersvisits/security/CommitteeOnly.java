package org.lettersvisits.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * An endpoint for the committee's leaders only: a department leader ({@link LeaderScope}) gets 403 before the request's
 * body is read or validated, as any caller whose role is not allowed does ({@link CommitteeOnlyFilter}).
 */
@NameBinding
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface CommitteeOnly {
}
