package org.lettersvisits.assignment.reminders;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.Roles;
import org.lettersvisits.contracts.assignment.CaseRules;
import org.lettersvisits.time.StatutoryLimits;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The daily reminder digests: after {@code reminders.send-from} (committee time), every pass composes the digests of
 * the day (per department, per responsible leader: open cases past a deadline or due within the window), looks the
 * addresses up in the identity provider and posts each digest to each address once (the ledger's key). Passes run
 * every {@code reminders.check-every} on every replica; the first one after 8:00 sends, later ones send only what
 * failed before and find the rest already sent.
 */
@ApplicationScoped
public class DailyReminders {

    private static final Logger LOG = Logger.getLogger(DailyReminders.class);

    /** What a pass did. */
    public record ReminderRun(LocalDate day, boolean directoryConfigured, int digests, int sent, int alreadySent,
            int failed, List<String> withoutAddress) {
    }

    @Inject
    Pool pool;

    @Inject
    PeopleDirectory directory;

    @Inject
    ReminderPost post;

    @Inject
    StatutoryLimits limits;

    @Inject
    Clock clock;

    @ConfigProperty(name = "reminders.window-days", defaultValue = "7")
    int windowDays;

    @ConfigProperty(name = "reminders.send-from", defaultValue = "08:00")
    LocalTime sendFrom;

    @Scheduled(every = "${reminders.check-every:15m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledPass() {
        if (LocalTime.now(clock).isBefore(sendFrom) || !directory.configured()) {
            return Uni.createFrom().voidItem();
        }
        return runOnce().invoke(run -> {
            if (run.sent() > 0 || run.failed() > 0) {
                LOG.infof("reminders of %s: %d sent, %d failed (tried again at the next pass)", run.day(), run.sent(),
                        run.failed());
            }
        }).onFailure().invoke(e -> LOG.warnf("reminder pass failed, tried again at the next: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One pass, now, whatever the hour. */
    public Uni<ReminderRun> runOnce() {
        LocalDate today = LocalDate.now(clock);
        if (!directory.configured()) {
            return Uni.createFrom().item(new ReminderRun(today, false, 0, 0, 0, 0, List.of()));
        }
        return openCases().chain(open -> {
            List<Digest> digests = Digests.of(open, today, windowDays);
            if (digests.isEmpty()) {
                return Uni.createFrom().item(new ReminderRun(today, true, 0, 0, 0, 0, List.of()));
            }
            return addresses(digests).chain(byDigest -> deliver(today, digests, byDigest));
        });
    }

    private Uni<ReminderRun> deliver(LocalDate today, List<Digest> digests, Map<Digest, Set<String>> addresses) {
        List<String> withoutAddress = new ArrayList<>();
        List<Map.Entry<Digest, String>> deliveries = new ArrayList<>();
        for (Digest digest : digests) {
            Set<String> to = addresses.get(digest);
            if (to.isEmpty()) {
                withoutAddress.add(digest.audience() + " " + digest.addressee());
            }
            to.forEach(address -> deliveries.add(Map.entry(digest, address)));
        }
        return Multi.createFrom().iterable(deliveries)
                .onItem().transformToUniAndConcatenate(d -> post.deliver(d.getKey(), d.getValue()))
                .collect().asList()
                .map(outcomes -> new ReminderRun(today, true, digests.size(), count(outcomes, ReminderPost.Outcome.SENT),
                        count(outcomes, ReminderPost.Outcome.ALREADY_SENT), count(outcomes, ReminderPost.Outcome.FAILED),
                        withoutAddress));
    }

    /** Each digest's addresses: the officers of its department, or the leaders its name matches. */
    private Uni<Map<Digest, Set<String>>> addresses(List<Digest> digests) {
        Set<String> roles = new LinkedHashSet<>();
        for (Digest d : digests) {
            roles.add(d.audience() == Digest.Audience.DEPARTMENT ? Department.valueOf(d.addressee()).officerRole()
                    : Roles.LEADER);
        }
        List<String> wanted = List.copyOf(roles);
        return Multi.createFrom().iterable(wanted)
                .onItem().transformToUniAndConcatenate(directory::withRole)
                .collect().asList()
                .map(lists -> {
                    Map<String, List<PeopleDirectory.Person>> byRole = new java.util.HashMap<>();
                    for (int i = 0; i < wanted.size(); i++) {
                        byRole.put(wanted.get(i), lists.get(i));
                    }
                    return digests.stream().collect(Collectors.toMap(Function.identity(), d -> {
                        List<PeopleDirectory.Person> people = d.audience() == Digest.Audience.DEPARTMENT
                                ? byRole.get(Department.valueOf(d.addressee()).officerRole())
                                : byRole.get(Roles.LEADER).stream().filter(p -> p.isCalled(d.addressee())).toList();
                        return people.stream().map(PeopleDirectory.Person::email).filter(Objects::nonNull)
                                .collect(Collectors.toCollection(LinkedHashSet::new));
                    }));
                });
    }

    private Uni<List<DueCase>> openCases() {
        return pool.query("SELECT case_number, department, responsible_leader, deadline, assigned_on, accepted_on, "
                + "extension_days FROM case_view WHERE " + CaseRules.openSql("status")).execute().map(rows -> {
                    List<DueCase> open = new ArrayList<>();
                    rows.forEach(r -> open.add(new DueCase(r.getString("case_number"),
                            Department.valueOf(r.getString("department")), r.getString("responsible_leader"),
                            r.getLocalDate("deadline"), limits.handlingDue(r.getLocalDate("assigned_on"),
                                    r.getLocalDate("accepted_on"), r.getInteger("extension_days")))));
                    return open;
                });
    }

    private static int count(List<ReminderPost.Outcome> outcomes, ReminderPost.Outcome wanted) {
        return (int) outcomes.stream().filter(o -> o == wanted).count();
    }
}
