package org.lettersvisits.problem;

/** A request field that bean validation cannot judge alone (it needs today's date, say): 400 with one violation. */
public class InvalidField extends RuntimeException {

    private final String field;

    public InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
