package org.lettersvisits.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lettersvisits.contracts.Topics;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleType;

/**
 * The Kubernetes overlays and the Compose file, held against the services as they are built: every overlay is
 * rendered (by {@link Kustomize}, and compared with {@code kubectl kustomize} where kubectl is installed), every
 * resource is read into the Kubernetes (fabric8) or Strimzi model and must hold no field the model does not know,
 * CloudNativePG resources only documented fields; then ports, probes, environment names, images, topics and
 * partitions, ACLs and secrets must match what the services' configuration and {@link Topics} say.
 */
class DeploymentManifestsTest {

    private static final Path ROOT = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    private static final List<String> SERVICES = List.of("petition-service", "assignment-service", "followup-service",
            "reporting-service");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Secrets that operators make: Strimzi's per-user credentials and its cluster CA. */
    private static final Set<String> MADE_BY_OPERATORS = Set.of("petition-service", "assignment-service",
            "followup-service", "reporting-service", "letters-visits-cluster-ca-cert");
    /** CloudNativePG has no Java model here: the fields of its API reference that these manifests may use. */
    private static final Map<String, Object> CNPG_CLUSTER_SPEC = Map.of("instances", "", "imageName", "",
            "storage", Map.of("size", "", "storageClass", ""), "postgresql", Map.of("parameters", "*"),
            "managed", Map.of("roles", Map.ofEntries(Map.entry("name", ""), Map.entry("ensure", ""), Map.entry("login", ""),
                    Map.entry("passwordSecret", Map.of("name", "")), Map.entry("comment", ""), Map.entry("connectionLimit", ""),
                    Map.entry("inRoles", ""), Map.entry("superuser", ""), Map.entry("createdb", ""),
                    Map.entry("createrole", ""))),
            "resources", "*", "bootstrap", "*", "backup", "*");
    /**
     * The settings petition-service makes {@link Topics#DATA_KEYS} with and sets on it at every start
     * (petition-service's {@code DataKeySharing.TOPIC_SETTINGS}): compacted, tombstones kept for ever, hourly segments.
     */
    private static final Map<String, String> DATA_KEYS_SETTINGS = Map.of("cleanup.policy", "compact",
            "delete.retention.ms", String.valueOf(Long.MAX_VALUE), "min.compaction.lag.ms", "0",
            "max.compaction.lag.ms", "3600000", "segment.ms", "3600000", "min.cleanable.dirty.ratio", "0.01");
    /** The ACL operations on {@link Topics#DATA_KEYS}: its owner writes it and sets it up, the others only read it. */
    private static final Set<String> DATA_KEYS_OWNER_OPERATIONS = Set.of("Write", "Describe", "Create", "DescribeConfigs",
            "AlterConfigs");
    private static final Set<String> DATA_KEYS_READER_OPERATIONS = Set.of("Read", "Describe");
    /**
     * The anchors' key pair, which the launcher, Compose and Kubernetes give the owners of an event log for the
     * services' signing of their anchors (issue 27, the services' side, which names them in its configuration).
     */
    private static final Set<String> ANCHOR_KEYS = Set.of("ANCHOR_SIGNING_KEY", "ANCHOR_VERIFYING_KEY");
    private static final Map<String, Object> CNPG_DATABASE_SPEC = Map.of("name", "", "owner", "",
            "cluster", Map.of("name", ""), "ensure", "", "encoding", "", "databaseReclaimPolicy", "");

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void every_rendered_resource_fits_its_schema(String overlay) throws Exception {
        List<ObjectNode> resources = render(overlay);
        List<String> problems = new ArrayList<>();
        for (ObjectNode resource : resources) {
            String where = resource.path("kind").asText() + "/" + resource.path("metadata").path("name").asText();
            Class<?> model = modelOf(resource);
            if (model != null) {
                unknownFields(JSON.treeToValue(resource, model), where, problems);
            } else if (resource.path("apiVersion").asText().equals("postgresql.cnpg.io/v1")) {
                documented(resource.path("spec"), resource.path("kind").asText().equals("Cluster") ? CNPG_CLUSTER_SPEC
                        : CNPG_DATABASE_SPEC, where + " spec", problems);
            } else {
                problems.add(where + ": no schema to check " + resource.path("apiVersion").asText() + " against");
            }
            assertThat(resource.path("metadata").path("namespace").asText()).as(where)
                    .isEqualTo(overlay.equals("local") ? "letters-visits-local" : "letters-visits");
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void the_java_rendering_is_what_kubectl_kustomize_renders_where_kubectl_is_installed() throws Exception {
        Path kubectl = Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).map(d -> Path.of(d, "kubectl"))
                .filter(Files::isExecutable).findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(kubectl != null, "kubectl is not installed");
        for (String overlay : List.of("local", "production")) {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize",
                    ROOT.resolve("deploy/kubernetes/overlays/" + overlay).toString()).redirectErrorStream(false).start();
            String rendered = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor()).as("kubectl kustomize " + overlay).isZero();
            assertThat(Kustomize.byKindAndName(Kustomize.documents(rendered)))
                    .isEqualTo(Kustomize.byKindAndName(render(overlay)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void each_service_runs_as_its_configuration_expects(String overlay) throws Exception {
        Map<String, ObjectNode> resources = Kustomize.byKindAndName(render(overlay));
        Properties shared = properties(ROOT.resolve("service-kit/src/main/resources/META-INF/microprofile-config.properties"));
        Map<String, String> sharingKeys = new TreeMap<>();
        for (String name : SERVICES) {
            Properties own = properties(ROOT.resolve(name + "/src/main/resources/application.properties"));
            Deployment deployment = model(resources, "Deployment/" + name, Deployment.class);
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            int httpPort = Integer.parseInt(own.getProperty("quarkus.http.port"));

            assertThat(deployment.getSpec().getReplicas()).as(name + " replicas").isEqualTo(2);
            assertThat(port(container, "http")).as(name + " HTTP port").isEqualTo(httpPort);
            assertThat(port(container, "management")).as(name + " management port (quarkus.management.port)").isEqualTo(9000);
            assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
            for (var probe : List.of(container.getStartupProbe(), container.getReadinessProbe(), container.getLivenessProbe())) {
                assertThat(probe.getHttpGet().getPort().getStrVal()).as(name + " probes").isEqualTo("management");
            }
            assertThat(container.getImage()).as(name + " image, as Jib names it")
                    .matches(".*/" + shared.getProperty("quarkus.container-image.group") + "/" + name + ":[0-9.]+");
            assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser())
                    .as(name + " runs as the image's user").isEqualTo(Long.valueOf(shared.getProperty("quarkus.jib.user")));
            assertThat(container.getResources().getLimits()).containsKey("memory");

            Map<String, String> env = container.getEnv().stream()
                    .collect(Collectors.toMap(EnvVar::getName, e -> e.getValue() == null ? "<ref>" : e.getValue()));
            assertThat(env.get("DB_NAME")).as(name + " database").isEqualTo(defaultOf(own, "DB_NAME"));
            assertThat(env.get("QUARKUS_PROFILE")).isEqualTo("prod,kubernetes");
            Set<String> given = new TreeSet<>(env.keySet());
            given.addAll(configMapKeys(resources, container));
            assertThat(given).as(name + ": what production requires without a default")
                    .containsAll(required(own, shared));
            assertThat(given.stream().filter(variable -> !known(variable, own, shared)).toList())
                    .as(name + ": variables its configuration never reads").isEmpty();
            container.getEnv().stream().filter(e -> e.getName().equals("DATA_KEY_SHARING_KEY")).findFirst()
                    .ifPresent(e -> sharingKeys.put(name, e.getValueFrom().getSecretKeyRef().getName() + "/"
                            + e.getValueFrom().getSecretKeyRef().getKey()));

            Service service = model(resources, "Service/" + name, Service.class);
            assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(httpPort);
            assertThat(service.getSpec().getSelector()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
            HorizontalPodAutoscaler autoscaler = model(resources, "HorizontalPodAutoscaler/" + name, HorizontalPodAutoscaler.class);
            assertThat(autoscaler.getSpec().getMinReplicas()).isEqualTo(2);
            assertThat(autoscaler.getSpec().getMaxReplicas()).as(name + ": a consumer beyond the partitions would idle")
                    .isLessThanOrEqualTo(Topics.PARTITIONS);
            assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(name);
            PodDisruptionBudget budget = model(resources, "PodDisruptionBudget/" + name, PodDisruptionBudget.class);
            assertThat(budget.getSpec().getSelector().getMatchLabels()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
            NetworkPolicy policy = model(resources, "NetworkPolicy/" + name, NetworkPolicy.class);
            assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        }
        assertThat(sharingKeys).as("the services given the sharing key").containsOnlyKeys(sharingKeyServices());
        assertThat(new HashSet<>(sharingKeys.values())).as("one sharing key for all of them, from a Secret").hasSize(1);
    }

    /**
     * The case file (assignment) and the worklist (followup) ask petition-service for the petitioner: each is pointed at
     * petition-service's Service inside the cluster, its egress lets it reach petition-service's pods on that port, and
     * petition-service's ingress lets them in (a NetworkPolicy that forgot either would leave every file without its
     * petitioner, found only in production).
     */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void the_case_file_and_the_worklist_reach_petition_service_inside_the_cluster(String overlay) throws Exception {
        Map<String, ObjectNode> resources = Kustomize.byKindAndName(render(overlay));
        Service petitions = model(resources, "Service/petition-service", Service.class);
        int port = petitions.getSpec().getPorts().get(0).getPort();
        Map<String, String> petitionPods = petitions.getSpec().getSelector();
        NetworkPolicy petitionPolicy = model(resources, "NetworkPolicy/petition-service", NetworkPolicy.class);
        for (String name : List.of("assignment-service", "followup-service")) {
            Deployment deployment = model(resources, "Deployment/" + name, Deployment.class);
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getEnv()).as(name + " asks petition-service by its Service")
                    .anyMatch(e -> e.getName().equals("PETITION_RECORDS_URL")
                            && ("http://petition-service:" + port).equals(e.getValue()));
            NetworkPolicy own = model(resources, "NetworkPolicy/" + name, NetworkPolicy.class);
            assertThat(own.getSpec().getEgress()).as(name + " may reach petition-service's pods on " + port)
                    .anyMatch(rule -> rule.getTo().stream().anyMatch(peer -> peer.getPodSelector() != null
                            && petitionPods.equals(peer.getPodSelector().getMatchLabels()))
                            && rule.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == port));
            Map<String, String> pods = deployment.getSpec().getSelector().getMatchLabels();
            assertThat(petitionPolicy.getSpec().getIngress()).as("petition-service lets " + name + " in on " + port)
                    .anyMatch(rule -> rule.getFrom().stream().anyMatch(peer -> peer.getPodSelector() != null
                            && peer.getNamespaceSelector() == null && pods.equals(peer.getPodSelector().getMatchLabels()))
                            && rule.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == port));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void kafka_has_every_topic_the_code_uses_and_each_service_writes_only_its_own(String overlay) throws Exception {
        Map<String, ObjectNode> resources = Kustomize.byKindAndName(render(overlay));
        Set<String> expected = new TreeSet<>(Topics.ALL);
        expected.add(Topics.ERASURE_LEDGER);
        expected.add(Topics.DATA_KEYS);
        expected.add(AnchorArchive.TOPIC);
        Topics.CONSUMING_SERVICES.forEach(service -> expected.add(Topics.deadLettersOf(service)));
        Set<String> declared = new TreeSet<>();
        for (String key : resources.keySet()) {
            if (key.startsWith("KafkaTopic/")) {
                KafkaTopic topic = model(resources, key, KafkaTopic.class);
                declared.add(topic.getMetadata().getName());
                assertThat(topic.getSpec().getPartitions()).as(key).isEqualTo(Topics.PARTITIONS);
                Map<String, String> config = topic.getSpec().getConfig().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
                if (topic.getMetadata().getName().equals(Topics.DATA_KEYS)) {
                    assertThat(config).as(key + " compacted, tombstones kept for ever, as petition-service sets it")
                            .containsAllEntriesOf(DATA_KEYS_SETTINGS).doesNotContainKey("retention.ms");
                } else {
                    assertThat(config.get("retention.ms")).as(key + " kept forever").isEqualTo("-1");
                    assertThat(config.getOrDefault("cleanup.policy", "delete")).as(key + " never compacted").isEqualTo("delete");
                }
                assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "letters-visits");
            }
        }
        assertThat(declared).isEqualTo(expected);
        Kafka kafka = model(resources, "Kafka/letters-visits", Kafka.class);
        assertThat(kafka.getSpec().getKafka().getListeners()).singleElement()
                .satisfies(listener -> assertThat(listener.getPort()).isEqualTo(9093));
        KafkaNodePool pool = model(resources, "KafkaNodePool/dual-role", KafkaNodePool.class);
        assertThat(pool.getSpec().getReplicas()).isEqualTo(overlay.equals("local") ? 1 : 3);

        for (String service : SERVICES) {
            Properties own = properties(ROOT.resolve(service + "/src/main/resources/application.properties"));
            KafkaUser user = model(resources, "KafkaUser/" + service, KafkaUser.class);
            List<AclRule> acls = ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls();
            Set<String> writes = topicsWith(acls, "Write");
            Set<String> reads = topicsWith(acls, "Read");
            Set<String> ownTopics = new TreeSet<>(Set.of(Topics.deadLettersOf(service)));
            Stream.concat(Topics.ALL.stream(), Stream.of(Topics.ERASURE_LEDGER, Topics.DATA_KEYS))
                    .filter(t -> owns(service, t)).forEach(ownTopics::add);
            if (ownsAnEventLog(service)) {
                ownTopics.add(AnchorArchive.TOPIC); // its signed anchors
            }
            assertThat(writes).as(service + " writes").isEqualTo(ownTopics);
            Set<String> consumed = values(own, "mp\\.messaging\\.incoming\\.[^.]+\\.topic");
            consumed.addAll(readBesideTheChannels(service, own));
            assertThat(reads).as(service + " reads").isEqualTo(consumed);
            Set<String> onDataKeys = operationsOn(acls, Topics.DATA_KEYS);
            if (owns(service, Topics.DATA_KEYS)) {
                assertThat(onDataKeys).as(service + " shares the data keys: makes the topic and sets it compacted")
                        .isEqualTo(DATA_KEYS_OWNER_OPERATIONS);
            } else if (reads.contains(Topics.DATA_KEYS)) {
                assertThat(onDataKeys).as(service + " only reads the data keys").isEqualTo(DATA_KEYS_READER_OPERATIONS);
            } else {
                assertThat(onDataKeys).as(service + " has nothing to do with the data keys").isEmpty();
            }
            assertThat(values(own, "mp\\.messaging\\.outgoing\\.outbox\\.topic")).isSubsetOf(writes);
            assertThat(values(own, "mp\\.messaging\\.incoming\\.[^.]+\\.dead-letter-queue\\.topic")).isSubsetOf(writes);
            List<String> groups = acls.stream().filter(a -> a.getResource() instanceof AclRuleGroupResource)
                    .map(a -> ((AclRuleGroupResource) a.getResource()).getName()).toList();
            assertThat(groups).containsExactly(service + ".");
            assertThat(values(own, "mp\\.messaging\\.incoming\\.[^.]+\\.group\\.id")).allSatisfy(
                    group -> assertThat(group).startsWith(service + "."));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void no_kafka_user_may_write_delete_or_alter_a_topic_it_does_not_own(String overlay) throws Exception {
        Map<String, ObjectNode> resources = Kustomize.byKindAndName(render(overlay));
        Map<String, Set<String>> mayWrite = Map.of(
                "petition-service", Set.of(Topics.PETITION_EVENTS, Topics.deadLettersOf("petition-service"),
                        AnchorArchive.TOPIC, Topics.DATA_KEYS, Topics.ERASURE_LEDGER),
                "assignment-service", Set.of(Topics.ASSIGNMENT_EVENTS, Topics.deadLettersOf("assignment-service"),
                        AnchorArchive.TOPIC),
                "followup-service", Set.of(Topics.FOLLOWUP_EVENTS, Topics.deadLettersOf("followup-service"),
                        AnchorArchive.TOPIC),
                "reporting-service", Set.of(Topics.deadLettersOf("reporting-service")));
        for (String service : SERVICES) {
            KafkaUser user = model(resources, "KafkaUser/" + service, KafkaUser.class);
            List<AclRule> acls = ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls();
            for (AclRule acl : acls) {
                String where = service + " " + acl.getOperations() + " on " + acl.getResource();
                assertThat(acl.getType() == null || acl.getType() == AclRuleType.ALLOW).as(where + ": allow rules only")
                        .isTrue();
                if (acl.getResource() instanceof AclRuleTopicResource topic) {
                    assertThat(topic.getPatternType()).as(where + ": one topic by its name, no prefix")
                            .isEqualTo(AclResourcePatternType.LITERAL);
                    assertThat(topic.getName()).as(where).doesNotContain("*");
                    assertThat(acl.getOperations()).as(where)
                            .doesNotContain(AclOperation.DELETE, AclOperation.ALTER, AclOperation.ALL);
                    if (acl.getOperations().contains(AclOperation.WRITE)) {
                        assertThat(mayWrite.get(service)).as(where + ": writes only its own topics").contains(topic.getName());
                    }
                } else {
                    assertThat(acl.getResource()).as(where + ": topics and its own groups, nothing on the cluster")
                            .isInstanceOf(AclRuleGroupResource.class);
                }
            }
            assertThat(topicsWith(acls, "Write")).as(service + " writes").isEqualTo(new TreeSet<>(mayWrite.get(service)));
            assertThat(operationsOn(acls, AnchorArchive.TOPIC)).as(service + " on the anchors")
                    .isEqualTo(ownsAnEventLog(service) ? Set.of("Write", "Describe") : Set.of());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void each_service_migrates_as_its_databases_owner_and_connects_as_a_role_of_its_own(String overlay) throws Exception {
        Map<String, ObjectNode> resources = Kustomize.byKindAndName(render(overlay));
        Map<String, JsonNode> roles = new TreeMap<>();
        resources.get("Cluster/letters-visits-db").path("spec").path("managed").path("roles")
                .forEach(role -> roles.put(role.path("name").asText(), role));
        for (String name : SERVICES) {
            Container container = model(resources, "Deployment/" + name, Deployment.class).getSpec().getTemplate()
                    .getSpec().getContainers().get(0);
            String database = container.getEnv().stream().filter(e -> e.getName().equals("DB_NAME")).findFirst()
                    .orElseThrow().getValue();
            Map<String, String> fromSecrets = container.getEnv().stream().filter(e -> e.getValueFrom() != null
                    && e.getValueFrom().getSecretKeyRef() != null).collect(Collectors.toMap(EnvVar::getName,
                            e -> e.getValueFrom().getSecretKeyRef().getName() + "/" + e.getValueFrom().getSecretKeyRef().getKey()));
            assertThat(fromSecrets).as(name).containsEntry("DB_USER", name + "-db/username")
                    .containsEntry("DB_PASSWORD", name + "-db/password")
                    .containsEntry("DB_OWNER_USER", name + "-db-owner/username")
                    .containsEntry("DB_OWNER_PASSWORD", name + "-db-owner/password");
            Map<String, String> secretOfRole = Map.of(database + "_owner", name + "-db-owner", database + "_service", name + "-db");
            secretOfRole.forEach((role, secret) -> {
                JsonNode managed = roles.get(role);
                assertThat(managed).as("CloudNativePG manages " + role).isNotNull();
                assertThat(managed.path("passwordSecret").path("name").asText()).as(role).isEqualTo(secret);
                assertThat(managed.path("login").asBoolean()).as(role + " logs in").isTrue();
                for (String power : List.of("superuser", "createdb", "createrole")) {
                    assertThat(managed.path(power).asBoolean(true)).as(role + " is not " + power).isFalse();
                }
                if (overlay.equals("local")) { // CloudNativePG takes the role's name from the Secret's username
                    Secret given = JSON.convertValue(resources.get("Secret/" + secret), Secret.class);
                    assertThat(new String(java.util.Base64.getDecoder().decode(given.getData().get("username"))))
                            .as(secret).isEqualTo(role);
                }
            });
            assertThat(resources.get("Database/" + database).path("spec").path("owner").asText())
                    .as("the " + database + " database belongs to its owner role, not to the service's").isEqualTo(database + "_owner");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void the_owners_of_an_event_log_get_the_anchor_key_pair_from_one_secret(String overlay) throws Exception {
        Map<String, ObjectNode> resources = Kustomize.byKindAndName(render(overlay));
        for (String name : SERVICES) {
            Container container = model(resources, "Deployment/" + name, Deployment.class).getSpec().getTemplate()
                    .getSpec().getContainers().get(0);
            Map<String, String> anchorKeys = container.getEnv().stream().filter(e -> ANCHOR_KEYS.contains(e.getName()))
                    .collect(Collectors.toMap(EnvVar::getName, e -> e.getValueFrom().getSecretKeyRef().getName() + "/"
                            + e.getValueFrom().getSecretKeyRef().getKey()));
            assertThat(anchorKeys).as(name).isEqualTo(ownsAnEventLog(name)
                    ? Map.of("ANCHOR_SIGNING_KEY", "anchor-signing/signing-key",
                            "ANCHOR_VERIFYING_KEY", "anchor-signing/verifying-key")
                    : Map.of());
        }
        if (overlay.equals("local")) { // the development pair is a pair: what one signs, the other verifies
            Secret pair = JSON.convertValue(resources.get("Secret/anchor-signing"), Secret.class);
            java.util.Base64.Decoder base64 = java.util.Base64.getDecoder();
            java.util.Base64.Decoder lines = java.util.Base64.getMimeDecoder(); // the Secret's value, in lines
            java.security.KeyFactory ed25519 = java.security.KeyFactory.getInstance("Ed25519");
            java.security.Signature signer = java.security.Signature.getInstance("Ed25519");
            signer.initSign(ed25519.generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(
                    base64.decode(lines.decode(pair.getData().get("signing-key"))))));
            signer.update("anchor".getBytes());
            byte[] signature = signer.sign();
            java.security.Signature verifier = java.security.Signature.getInstance("Ed25519");
            verifier.initVerify(ed25519.generatePublic(new java.security.spec.X509EncodedKeySpec(
                    base64.decode(lines.decode(pair.getData().get("verifying-key"))))));
            verifier.update("anchor".getBytes());
            assertThat(verifier.verify(signature)).isTrue();
        }
    }

    @Test
    void production_creates_no_secret_and_names_each_it_needs_in_the_docs() throws Exception {
        List<ObjectNode> production = render("production");
        assertThat(production).noneMatch(r -> r.path("kind").asText().equals("Secret"));
        String docs = Files.readString(ROOT.resolve("docs/deployment.md"));
        Set<String> referenced = secretsReferenced(production);
        assertThat(referenced).isNotEmpty();
        referenced.stream().filter(s -> !MADE_BY_OPERATORS.contains(s))
                .forEach(secret -> assertThat(docs).as("docs/deployment.md names " + secret).contains("`" + secret + "`"));
        Map<String, ObjectNode> local = Kustomize.byKindAndName(render("local"));
        secretsReferenced(new ArrayList<>(local.values())).stream().filter(s -> !MADE_BY_OPERATORS.contains(s))
                .forEach(secret -> assertThat(local).as("the local overlay makes " + secret).containsKey("Secret/" + secret));
    }

    @Test
    void production_imports_the_realm_without_the_demo_users() throws Exception {
        Map<String, ObjectNode> production = Kustomize.byKindAndName(render("production"));
        ConfigMap realm = JSON.treeToValue(production.get("ConfigMap/keycloak-realm"), ConfigMap.class);
        JsonNode imported = JSON.readTree(realm.getData().get("petitions-realm.json"));
        assertThat(imported.path("realm").asText()).isEqualTo("petitions");
        assertThat(imported).as("production imports the production realm")
                .isEqualTo(JSON.readTree(ROOT.resolve("deploy/realm/production/petitions-realm.json").toFile()));
        ConfigMap local = JSON.treeToValue(Kustomize.byKindAndName(render("local")).get("ConfigMap/keycloak-realm"), ConfigMap.class);
        assertThat(JSON.readTree(local.getData().get("petitions-realm.json"))).as("the local overlay, the development realm")
                .isEqualTo(JSON.readTree(ROOT.resolve("deploy/realm/petitions-realm.json").toFile()));
        imported.path("users").forEach(user -> assertThat(user.has("serviceAccountClientId"))
                .as("the realm holds service accounts only, no people: " + user.path("username")).isTrue());
        assertThat(production).doesNotContainKey("ConfigMap/keycloak-demo-users");
        assertThat(Kustomize.byKindAndName(render("local"))).containsKey("ConfigMap/keycloak-demo-users");
    }

    @Test
    @SuppressWarnings("unchecked")
    void compose_runs_two_replicas_of_each_image_with_the_topics_and_databases_the_code_expects() throws IOException {
        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("deploy/compose/compose.yaml"))) {
            compose = new Yaml().load(reader);
        }
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        String init = Files.readString(ROOT.resolve("deploy/compose/postgres-init.sql"));
        Properties shared = properties(ROOT.resolve("service-kit/src/main/resources/META-INF/microprofile-config.properties"));
        for (String name : SERVICES) {
            Map<String, Object> service = services.get(name);
            Properties own = properties(ROOT.resolve(name + "/src/main/resources/application.properties"));
            assertThat((String) service.get("image")).contains("/letters-visits/" + name + ":");
            assertThat(((Map<String, Object>) service.get("deploy")).get("replicas")).isEqualTo(2);
            Map<String, Object> environment = (Map<String, Object>) service.get("environment");
            assertThat(environment.get("DB_NAME")).isEqualTo(defaultOf(own, "DB_NAME"));
            assertThat(init).contains("CREATE DATABASE " + defaultOf(own, "DB_NAME") + ";");
            assertThat(environment.keySet()).as(name).containsAll(required(own, shared).stream()
                    .filter(v -> !v.startsWith("KAFKA_SASL")).toList());
            assertThat(environment.keySet().stream().filter(v -> !known(v, own, shared)).toList()).as(name).isEmpty();
            assertThat(String.valueOf(((Map<String, Object>) service.get("healthcheck")).get("test")))
                    .contains("localhost:9000/q/health/ready");
        }
        assertThat(String.valueOf(services.get("keycloak").get("volumes"))).as("Compose imports the production realm")
                .contains("../realm/production/petitions-realm.json:");
        String topics = String.valueOf(((Map<String, Object>) services.get("kafka-topics")).get("command"));
        Matcher list = Pattern.compile("for topic in ([^;]+);").matcher(topics);
        assertThat(list.find()).isTrue();
        Set<String> expected = new TreeSet<>(Topics.ALL);
        expected.add(Topics.ERASURE_LEDGER);
        expected.add(AnchorArchive.TOPIC);
        Topics.CONSUMING_SERVICES.forEach(service -> expected.add(Topics.deadLettersOf(service)));
        assertThat(new TreeSet<>(List.of(list.group(1).trim().split("\\s+")))).isEqualTo(expected);
        assertThat(topics).contains("--partitions " + Topics.PARTITIONS).contains("retention.ms=-1");
        String dataKeys = Stream.of(topics.split("\n")).filter(line -> line.contains("--topic " + Topics.DATA_KEYS + " "))
                .collect(Collectors.joining("\n"));
        assertThat(dataKeys).as("the data keys' topic").contains("--create --if-not-exists")
                .contains("--partitions " + Topics.PARTITIONS).doesNotContain("--config retention.ms");
        DATA_KEYS_SETTINGS.forEach((name, value) -> assertThat(dataKeys + " ").as(Topics.DATA_KEYS + " " + name)
                .contains("--config " + name + "=" + value + " "));
        Set<String> sharingKeys = sharingKeyServices().stream()
                .map(name -> String.valueOf(((Map<String, Object>) services.get(name).get("environment")).get("DATA_KEY_SHARING_KEY")))
                .collect(Collectors.toSet());
        assertThat(sharingKeys).as("one sharing key for all of them, required").singleElement()
                .satisfies(value -> assertThat(value).startsWith("${DATA_KEY_SHARING_KEY:?"));
        for (String name : SERVICES) {
            Map<String, Object> environment = (Map<String, Object>) services.get(name).get("environment");
            for (String key : ANCHOR_KEYS) {
                if (ownsAnEventLog(name)) {
                    assertThat(String.valueOf(environment.get(key))).as(name + " " + key).startsWith("${" + key + ":?");
                } else {
                    assertThat(environment).as(name + " signs no anchors").doesNotContainKey(key);
                }
            }
        }
    }

    @Test
    void image_builds_move_health_and_metrics_to_the_management_port_the_manifests_probe() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        String images = pom.substring(pom.indexOf("<id>images</id>"), pom.indexOf("</profile>", pom.indexOf("<id>images</id>")));
        assertThat(images).contains("<quarkus.management.enabled>true</quarkus.management.enabled>")
                .contains("<artifactId>quarkus-container-image-jib</artifactId>");
        Properties shared = properties(ROOT.resolve("service-kit/src/main/resources/META-INF/microprofile-config.properties"));
        assertThat(shared.getProperty("quarkus.jib.ports")).contains("9000");
        assertThat(shared.getProperty("quarkus.jib.user")).isEqualTo("185");
    }

    // --- helpers

    private static List<ObjectNode> render(String overlay) throws IOException {
        return Kustomize.render(ROOT.resolve("deploy/kubernetes/overlays/" + overlay));
    }

    private static Class<?> modelOf(ObjectNode resource) {
        return switch (resource.path("apiVersion").asText() + " " + resource.path("kind").asText()) {
            case "apps/v1 Deployment" -> Deployment.class;
            case "v1 Service" -> Service.class;
            case "v1 ConfigMap" -> ConfigMap.class;
            case "v1 Secret" -> Secret.class;
            case "policy/v1 PodDisruptionBudget" -> PodDisruptionBudget.class;
            case "autoscaling/v2 HorizontalPodAutoscaler" -> HorizontalPodAutoscaler.class;
            case "networking.k8s.io/v1 NetworkPolicy" -> NetworkPolicy.class;
            case "kafka.strimzi.io/v1 Kafka" -> Kafka.class;
            case "kafka.strimzi.io/v1 KafkaNodePool" -> KafkaNodePool.class;
            case "kafka.strimzi.io/v1 KafkaTopic" -> KafkaTopic.class;
            case "kafka.strimzi.io/v1 KafkaUser" -> KafkaUser.class;
            default -> null;
        };
    }

    private static <T> T model(Map<String, ObjectNode> resources, String key, Class<T> type) throws IOException {
        assertThat(resources).as("rendered resources").containsKey(key);
        return JSON.treeToValue(resources.get(key), type);
    }

    /** Every field the model could not place (its additionalProperties), anywhere in the object. */
    private static void unknownFields(Object value, String path, List<String> problems) throws IllegalAccessException {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?>) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            return; // free-form maps (labels, data, Kafka config) hold any key
        }
        String type = value.getClass().getName();
        if (!type.startsWith("io.fabric8.") && !type.startsWith("io.strimzi.")) {
            return;
        }
        for (Class<?> c = value.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                Object fieldValue = field.get(value);
                if (field.getName().equals("additionalProperties")) {
                    if (fieldValue instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        problems.add(path + ": unknown " + extra.keySet());
                    }
                } else {
                    unknownFields(fieldValue, path + "." + field.getName(), problems);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void documented(JsonNode node, Map<String, Object> schema, String path, List<String> problems) {
        if (node.isArray()) {
            node.forEach(item -> documented(item, schema, path + "[]", problems));
            return;
        }
        node.fields().forEachRemaining(field -> {
            Object inner = schema.get(field.getKey());
            if (inner == null) {
                problems.add(path + "." + field.getKey() + ": not in CloudNativePG's API reference");
            } else if (inner instanceof Map<?, ?> nested) {
                documented(field.getValue(), (Map<String, Object>) nested, path + "." + field.getKey(), problems);
            }
        });
    }

    private static int port(Container container, String name) {
        return container.getPorts().stream().filter(p -> name.equals(p.getName())).findFirst().orElseThrow().getContainerPort();
    }

    private static Set<String> configMapKeys(Map<String, ObjectNode> resources, Container container) throws IOException {
        Set<String> keys = new HashSet<>();
        for (var source : container.getEnvFrom()) {
            ConfigMap map = model(resources, "ConfigMap/" + source.getConfigMapRef().getName(), ConfigMap.class);
            keys.addAll(map.getData().keySet());
        }
        return keys;
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }

    /** The default a property gives an environment variable, e.g. {@code petition} in {@code ${DB_NAME:petition}}. */
    private static String defaultOf(Properties own, String variable) {
        Pattern pattern = Pattern.compile("\\$\\{" + variable + ":([^}]*)}");
        return own.values().stream().map(String::valueOf).map(pattern::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).findFirst().orElseThrow(() -> new AssertionError("no default for " + variable));
    }

    /**
     * Variables production reads with no default, or an empty one ({@code ${PETITION_KEY_ENCRYPTION_KEY:}}, which the
     * service refuses to start without): in unprofiled, %prod and %kubernetes properties.
     */
    private static Set<String> required(Properties... sources) {
        Set<String> required = new TreeSet<>();
        Pattern variable = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):?}");
        for (Properties source : sources) {
            for (String key : source.stringPropertyNames()) {
                boolean production = !key.startsWith("%") || key.matches("%[^.]*(prod|kubernetes)[^.]*\\..*");
                Matcher m = variable.matcher(source.getProperty(key));
                while (production && m.find()) {
                    required.add(m.group(1));
                }
            }
        }
        return required;
    }

    /** Whether the configuration reads {@code variable}: as ${VARIABLE...}, as a property's environment name, or Quarkus'. */
    private static boolean known(String variable, Properties... sources) {
        if (variable.startsWith("QUARKUS_")) {
            return true;
        }
        for (Properties source : sources) {
            for (String key : source.stringPropertyNames()) {
                String bare = key.replaceFirst("^%[^.]*\\.", "");
                if (bare.toUpperCase().replaceAll("[^A-Z0-9]", "_").equals(variable)
                        || source.getProperty(key).contains("${" + variable)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean owns(String service, String topic) {
        return Topics.ownerOf(topic).orElseThrow().equals(service);
    }

    /** Whether {@code service} keeps an event log (owns an event topic), and so signs and publishes its anchors. */
    private static boolean ownsAnEventLog(String service) {
        return Topics.ALL.stream().anyMatch(topic -> owns(service, topic));
    }

    /** The services that seal and open free text about a petitioner: configured with the data keys' sharing key. */
    private static Set<String> sharingKeyServices() throws IOException {
        Set<String> services = new TreeSet<>();
        for (String name : SERVICES) {
            if (properties(ROOT.resolve(name + "/src/main/resources/application.properties"))
                    .containsKey("lettersvisits.privacy.sharing-key")) {
                services.add(name);
            }
        }
        return services;
    }

    /** What {@code service} reads with plain clients, in no consumer group, beside its channels' incoming topics. */
    private static Set<String> readBesideTheChannels(String service, Properties own) {
        Set<String> reads = new TreeSet<>();
        reads.add(Topics.deadLettersOf(service)); // the redrive reads its own dead letters
        if (owns(service, Topics.ERASURE_LEDGER)) {
            reads.add(Topics.ERASURE_LEDGER); // read from its beginning at every start
        }
        if (own.containsKey("lettersvisits.privacy.sharing-key") && !owns(service, Topics.DATA_KEYS)) {
            reads.add(Topics.DATA_KEYS); // SharedDataKeys: read from its beginning, by partition assignment
        }
        return reads;
    }

    private static Set<String> values(Properties properties, String keyPattern) {
        return properties.stringPropertyNames().stream().filter(k -> k.matches(keyPattern)).map(properties::getProperty)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> topicsWith(List<AclRule> acls, String operation) {
        return acls.stream().filter(a -> a.getResource() instanceof AclRuleTopicResource)
                .filter(a -> a.getOperations().stream().anyMatch(o -> o.name().equalsIgnoreCase(operation)))
                .map(a -> ((AclRuleTopicResource) a.getResource()).getName()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> operationsOn(List<AclRule> acls, String topic) {
        return acls.stream().filter(a -> a.getResource() instanceof AclRuleTopicResource t && t.getName().equals(topic))
                .flatMap(a -> a.getOperations().stream()).map(AclOperation::toValue).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> secretsReferenced(List<ObjectNode> resources) {
        Set<String> names = new TreeSet<>();
        for (ObjectNode resource : resources) {
            resource.findValues("secretKeyRef").forEach(ref -> names.add(ref.path("name").asText()));
            resource.findValues("secretName").forEach(name -> names.add(name.asText()));
            resource.findValues("passwordSecret").forEach(ref -> names.add(ref.path("name").asText()));
        }
        return names;
    }
}
