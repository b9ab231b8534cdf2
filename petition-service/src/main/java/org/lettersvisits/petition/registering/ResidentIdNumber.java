package org.lettersvisits.petition.registering;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** An 18-character resident identity number (GB 11643) with a valid birth date and check character. */
@Documented
@Constraint(validatedBy = ResidentIdNumberValidator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
@Retention(RUNTIME)
public @interface ResidentIdNumber {

    String message() default "must be a valid 18-character resident ID number (GB 11643 check character)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
