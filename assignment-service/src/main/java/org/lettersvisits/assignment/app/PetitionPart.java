package org.lettersvisits.assignment.app;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lettersvisits.contracts.registry.PersonalTexts;
import org.lettersvisits.petitioners.PetitionRecords;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The petition's part of a case file, as petition-service answers {@code GET /api/petitions/{id}/case-file} (the
 * shape of its {@code GET /api/petitions/{id}}, the petitioner always masked): who petitions, how and when the
 * petition came, what it says, every visit about it, and the timeline of the petition, its case and its return
 * visits. Only petition-service holds the petitioner, so the case file asks it ({@link PetitionRecords}) instead of
 * keeping a copy; fields this file does not show are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PetitionPart(String channel, LocalDate receivedOn, Petitioner petitioner, boolean petitionerErased,
        Integer headcount, String description, List<Visit> visits, List<TimelineEntry> timeline) {

    /** The petitioner as petition-service shows them here: the name, the phone and the address masked. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Petitioner(String name, String phone, String address) {
    }

    /** One time the petitioner came, wrote or called about the matter; the first is the registration itself. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Visit(LocalDate receivedOn, String receivedBy, String note) {
    }

    /** A timeline line: its event's type name, when it was recorded, by whom, and its facts by name. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TimelineEntry(String type, OffsetDateTime at, String actor, String detail, Map<String, Object> facts) {

        /** A fact as text (a date, a name, a constant), or null. */
        public String text(String name) {
            Object value = facts == null ? null : facts.get(name);
            return value == null ? null : value.toString();
        }

        /** A yes/no fact, or null when the line does not say. */
        public Boolean flag(String name) {
            Object value = facts == null ? null : facts.get(name);
            return value instanceof Boolean flag ? flag : value == null ? null : Boolean.valueOf(value.toString());
        }

        /** The line without the free text written by or about the petitioner, as petition-service scrubs it. */
        TimelineEntry withoutPersonalText() {
            if (facts == null || PersonalTexts.FIELDS.stream().noneMatch(facts::containsKey)) {
                return this;
            }
            Map<String, Object> kept = new LinkedHashMap<>(facts);
            kept.keySet().removeAll(PersonalTexts.FIELDS);
            return new TimelineEntry(type, at, actor, null, kept);
        }
    }

    /**
     * Where an event stands in the case's story, for lines recorded in the same instant: registered, assigned,
     * accepted, extended, answered or suspended, visited, reopened. Lines are otherwise in the order they were
     * recorded, which is that order.
     */
    private static final List<String> STORY = List.of("petition.registered", "case.assigned", "case.transferred",
            "case.accepted", "case.handling-extended", "case.deadline-changed", "case.closed", "case.suspended",
            "case.resumed", "return-visit.scheduled", "return-visit.completed", "case.reopened", "case.review-requested");

    /** Petition-service answered something that is not a petition's case file. */
    public static final class Unreadable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Unreadable(Throwable cause) {
            super("petition-service's case file does not read: " + cause.getMessage(), cause);
        }
    }

    /** What petition-service answered, read. */
    public static PetitionPart read(JsonNode answer, ObjectMapper json) {
        try {
            return json.treeToValue(answer, PetitionPart.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new Unreadable(e);
        }
    }

    /** The visits after the registration: the petitioner came (wrote, called) again about the same matter. */
    public List<Visit> repeatVisits() {
        return visits == null || visits.isEmpty() ? List.of() : List.copyOf(visits.subList(1, visits.size()));
    }

    /** The timeline in the case's order: by the time recorded, the same instant by {@link #STORY}. */
    public List<TimelineEntry> timelineInOrder() {
        if (timeline == null) {
            return List.of();
        }
        return timeline.stream().sorted(Comparator.comparing(TimelineEntry::at,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(entry -> storyPlace(entry.type()))).toList();
    }

    /**
     * The part once the petitioner was erased, by petition-service or as the case recorded it: no petitioner, and no
     * free text by or about them (the description, the visits' notes, the timeline's reasons, answers and notes).
     */
    public PetitionPart withoutPersonalText() {
        return new PetitionPart(channel, receivedOn, null, true, headcount, null,
                visits == null ? null : visits.stream().map(v -> new Visit(v.receivedOn(), v.receivedBy(), null)).toList(),
                timeline == null ? null : timeline.stream().map(TimelineEntry::withoutPersonalText).toList());
    }

    private static int storyPlace(String type) {
        for (int place = 0; type != null && place < STORY.size(); place++) {
            String event = STORY.get(place);
            if (type.startsWith(event + ".") || type.startsWith(event + "-")) {
                return place;
            }
        }
        return STORY.size();
    }
}
