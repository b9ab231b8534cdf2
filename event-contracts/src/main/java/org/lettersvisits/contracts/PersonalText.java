package org.lettersvisits.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Free text written by or about a petitioner (a petition's subject, a reason, a resolution, a visit's notes): personal
 * data. Every copy a service keeps of such a field is scrubbed when the person is erased; see
 * {@code registry.PersonalTexts} for the list every service uses.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
public @interface PersonalText {
}
