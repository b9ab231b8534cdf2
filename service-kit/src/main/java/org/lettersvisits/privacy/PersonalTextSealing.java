package org.lettersvisits.privacy;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import javax.crypto.SecretKey;

import org.lettersvisits.contracts.PersonalText;

/**
 * Seals and opens the free text of an event: every record component marked {@link PersonalText} (a subject, a reason,
 * a resolution, a visit's notes), public and internal events alike. The event keeps its class and every other
 * component; only those strings change. Without a key (the person was erased) the text is left out (null), both when
 * sealing and when opening, which is how an erased person's text reads everywhere.
 */
public final class PersonalTextSealing {

    private record Shape(RecordComponent[] components, Constructor<?> canonical, boolean[] personal, boolean any) {
    }

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private PersonalTextSealing() {
    }

    /** Whether {@code event} holds free text in clear (a value to seal). */
    public static boolean hasClearText(Object event) {
        return anyText(event, value -> !SealedText.isSealed(value));
    }

    /** Whether {@code event} holds sealed text (a value to open). */
    public static boolean hasSealedText(Object event) {
        return anyText(event, SealedText::isSealed);
    }

    /** {@code event} with its free text sealed under {@code key}, or left out when there is no key. */
    public static <T> T sealed(T event, Optional<SecretKey> key, UUID petitionId) {
        return rewritten(event, value -> SealedText.isSealed(value) ? value
                : key.map(k -> SealedText.seal(value, k, petitionId)).orElse(null));
    }

    /** {@code event} with its sealed text opened with {@code key}, or left out when there is no key. */
    public static <T> T opened(T event, Optional<SecretKey> key, UUID petitionId) {
        return rewritten(event, value -> !SealedText.isSealed(value) ? value
                : key.map(k -> SealedText.open(value, k, petitionId)).orElse(null));
    }

    private static boolean anyText(Object event, java.util.function.Predicate<String> test) {
        if (event == null) {
            return false;
        }
        Shape shape = shape(event.getClass());
        if (!shape.any()) {
            return false;
        }
        for (int i = 0; i < shape.components().length; i++) {
            if (shape.personal()[i] && read(shape.components()[i], event) instanceof String text && test.test(text)) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static <T> T rewritten(T event, UnaryOperator<String> text) {
        Shape shape = shape(event.getClass());
        if (!shape.any()) {
            return event;
        }
        Object[] values = new Object[shape.components().length];
        boolean changed = false;
        for (int i = 0; i < values.length; i++) {
            values[i] = read(shape.components()[i], event);
            if (shape.personal()[i] && values[i] instanceof String value) {
                String next = text.apply(value);
                changed |= !value.equals(next);
                values[i] = next;
            }
        }
        if (!changed) {
            return event;
        }
        try {
            return (T) shape.canonical().newInstance(values);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot rebuild a " + event.getClass().getSimpleName(), e);
        }
    }

    private static Object read(RecordComponent component, Object event) {
        try {
            return component.getAccessor().invoke(event);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of a "
                    + event.getClass().getSimpleName(), e);
        }
    }

    private static Shape shape(Class<?> type) {
        return SHAPES.computeIfAbsent(type, t -> {
            if (!t.isRecord()) {
                return new Shape(new RecordComponent[0], null, new boolean[0], false);
            }
            RecordComponent[] components = t.getRecordComponents();
            for (RecordComponent component : components) {
                component.getAccessor().setAccessible(true); // a record nested in a class that is not public
            }
            boolean[] personal = new boolean[components.length];
            boolean any = false;
            for (int i = 0; i < components.length; i++) {
                personal[i] = components[i].isAnnotationPresent(PersonalText.class)
                        && components[i].getType() == String.class;
                any |= personal[i];
            }
            try {
                Constructor<?> canonical = t.getDeclaredConstructor(
                        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
                canonical.setAccessible(true);
                return new Shape(components, canonical, personal, any);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(t.getName() + " has no canonical constructor", e);
            }
        });
    }
}
