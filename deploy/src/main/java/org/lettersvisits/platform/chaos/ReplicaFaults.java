package org.lettersvisits.platform.chaos;

import static org.lettersvisits.platform.ApiClient.REPORTING;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.lettersvisits.platform.ApiClient;
import org.lettersvisits.platform.PlatformSettings;
import org.lettersvisits.platform.ServicePart;

/** The faults only replicas make possible: take-overs between instances of one service. */
final class ReplicaFaults {

    private static final String REBUILD = "/api/admin/projections/rebuild";
    private static final String STATUS = "/api/admin/projections/status";

    private ReplicaFaults() {
    }

    static List<Fault> all(PlatformSettings settings) {
        List<Fault> faults = new ArrayList<>();
        for (PlatformSettings.Service service : settings.services()) {
            faults.add(Faults.kill(settings.instancesOf(service).get(settings.replicas() - 1)));
        }
        for (int owner : List.of(ApiClient.PETITION, ApiClient.ASSIGNMENT, ApiClient.FOLLOWUP)) {
            faults.add(killRelayLeader(settings.services().get(owner)));
        }
        faults.add(twoRebuildsAtOnce(settings));
        faults.add(killMidRebuild(settings));
        faults.add(instanceAddedAndRemoved(settings, settings.services().get(ApiClient.FOLLOWUP)));
        return faults;
    }

    /** kill -9 of the instance whose relay publishes the service's outbox; another instance takes the lead. */
    static Fault killRelayLeader(PlatformSettings.Service service) {
        return new Fault() {
            @Override
            public String name() {
                return "kill -9 of " + service.module() + "'s relay leader";
            }

            @Override
            public void inject(Infrastructure infrastructure) throws Exception {
                infrastructure.awaitBack("a relay leader of " + service.module(), () -> leader(infrastructure) != null);
                String leader = leader(infrastructure);
                PlatformSettings.Instance killed = infrastructure.settings().instancesOf(service).stream()
                        .filter(i -> i.name().equals(instanceOf(leader))).findFirst().orElseThrow();
                long pid = infrastructure.pidOf(killed.name());
                long killedAt = System.nanoTime();
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly); // SIGKILL
                infrastructure.awaitBack("another relay leader of " + service.module(), () -> {
                    String now = leader(infrastructure);
                    return now != null && !now.equals(leader);
                });
                // the lead passes to another holder: the other instance, or the killed one restarted (a new start)
                infrastructure.observe(leader(infrastructure) + " took the relay lead "
                        + Duration.ofNanos(System.nanoTime() - killedAt).toMillis() / 1000.0 + " s after " + leader + " died");
                infrastructure.awaitBack(killed.name(), () -> {
                    try {
                        return infrastructure.pidOf(killed.name()) != pid && infrastructure.instanceReady(killed);
                    } catch (java.io.IOException e) {
                        return false;
                    }
                });
            }

            private String instanceOf(String holder) {
                return holder.replaceFirst("#.*$", "");
            }

            private String leader(Infrastructure infrastructure) {
                try {
                    return infrastructure.relayLeader(service.database());
                } catch (java.sql.SQLException e) {
                    return null;
                }
            }
        };
    }

    /** A rebuild started on both reporting instances at the same moment: one runs, the other is refused. */
    static Fault twoRebuildsAtOnce(PlatformSettings settings) {
        return new Fault() {
            @Override
            public String name() {
                return "two rebuilds started at once on two reporting instances";
            }

            @Override
            public void inject(Infrastructure infrastructure) throws Exception {
                List<PlatformSettings.Instance> instances = settings.instancesOf(settings.services().get(REPORTING));
                List<CompletableFuture<Integer>> starts = instances.stream().limit(2)
                        .map(i -> CompletableFuture.supplyAsync(() -> startRebuild(infrastructure.api(), i))).toList();
                List<Integer> answers = starts.stream().map(CompletableFuture::join).toList();
                infrastructure.observe("the two starts answered " + answers);
                if (answers.stream().filter(a -> a == 202).count() != 1) {
                    throw new IllegalStateException("expected exactly one rebuild to start, got " + answers);
                }
                awaitRebuildDone(infrastructure);
            }
        };
    }

    /** The instance running a rebuild is killed mid-way; once its claim runs out, a rebuild on the other takes over. */
    static Fault killMidRebuild(PlatformSettings settings) {
        return new Fault() {
            @Override
            public String name() {
                return "reporting instance killed mid-rebuild";
            }

            @Override
            public void inject(Infrastructure infrastructure) throws Exception {
                List<PlatformSettings.Instance> instances = settings.instancesOf(settings.services().get(REPORTING));
                PlatformSettings.Instance doomed = instances.get(0);
                PlatformSettings.Instance survivor = instances.get(1);
                if (startRebuild(infrastructure.api(), doomed) != 202) {
                    throw new IllegalStateException("the rebuild did not start on " + doomed.name());
                }
                long killedAt = System.nanoTime();
                ProcessHandle.of(infrastructure.pidOf(doomed.name())).ifPresent(ProcessHandle::destroyForcibly);
                infrastructure.observe("killed " + doomed.name() + " with the rebuild "
                        + infrastructure.api().callInstance(survivor, "admin1", "GET", STATUS).body().path("status").asText());
                infrastructure.awaitBack("a rebuild taken over on " + survivor.name(),
                        () -> startRebuild(infrastructure.api(), survivor) == 202);
                infrastructure.observe("the rebuild was taken over " + Duration.ofNanos(System.nanoTime() - killedAt).toSeconds()
                        + " s after " + doomed.name() + " died");
                awaitRebuildDone(infrastructure);
                infrastructure.awaitBack(doomed.name(), () -> infrastructure.instanceReady(doomed));
            }
        };
    }

    /** A third instance of a service joins its consumer groups under load and leaves again: two rebalances. */
    static Fault instanceAddedAndRemoved(PlatformSettings settings, PlatformSettings.Service service) {
        return new Fault() {
            @Override
            public String name() {
                return "an instance of " + service.module() + " added and removed (rebalances)";
            }

            @Override
            public void inject(Infrastructure infrastructure) throws Exception {
                int index = settings.replicas() + 1;
                PlatformSettings.Instance extra = new PlatformSettings.Instance(service, index,
                        service.module() + "-" + index, service.port() + 1000 * index);
                ServicePart part = new ServicePart(settings, extra);
                part.start();
                try {
                    infrastructure.awaitBack(extra.name(), part::isReady);
                    Thread.sleep(Duration.ofSeconds(10).toMillis()); // it takes its share of the partitions under load
                } finally {
                    part.stop(); // SIGTERM: it leaves the groups, its partitions go back to the others
                }
            }
        };
    }

    private static int startRebuild(ApiClient api, PlatformSettings.Instance instance) {
        try {
            return api.callInstance(instance, "admin1", "POST", REBUILD).status();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void awaitRebuildDone(Infrastructure infrastructure) throws InterruptedException {
        infrastructure.awaitBack("the rebuild finishing", () -> {
            try {
                return "DONE".equals(infrastructure.api().get("admin1", REPORTING, STATUS).body().path("status").asText());
            } catch (java.io.IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }
}
